// A customer opens a ticket. The orders and the payment it names must be the customer's own
// (another's id is refused exactly like a missing one), at most MAX_OPEN_TICKETS may be open at
// once (counted under a per-customer advisory lock, so two tabs cannot both pass the count), and
// every message counts against the hourly limit. A refill or cancel ticket is then worked at once
// through the panel's own requestRefill / requestCancel (run-order-requests.ts).
import type { Db } from "@/lib/db/connection";
import { moneyTransaction } from "@/lib/ledger/transaction";
import { fail, fieldRefusal, type Failure } from "@/lib/result";
import { MAX_OPEN_TICKETS, ticketMessageRefusal } from "./limits";
import { answerOrderRequests } from "./run-order-requests";
import type { OpenTicketInput } from "./schemas";

export type OpenTicketResult = { ok: true; ticketId: number } | Failure;

export async function openTicket(db: Db, customerId: number, input: OpenTicketInput): Promise<OpenTicketResult> {
  if (input.orderIds.length) {
    const owned = await db.order.findMany({ where: { id: { in: input.orderIds }, userId: customerId }, select: { id: true } });
    const ownedIds = new Set(owned.map((o) => o.id));
    const missing = input.orderIds.filter((id) => !ownedIds.has(id));
    if (missing.length) {
      return fieldRefusal("not_found", "orderIds", `Order ${missing.map((id) => `#${id}`).join(", ")} not found.`);
    }
  }
  if (input.paymentId !== null) {
    const payment = await db.payment.findFirst({ where: { id: input.paymentId, userId: customerId }, select: { id: true } });
    if (!payment) return fieldRefusal("not_found", "paymentId", "Payment not found.");
  }
  const limited = await ticketMessageRefusal(customerId);
  if (limited) return fail("rate_limited", limited);

  const created = await moneyTransaction(db, async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('tickets:open'), ${customerId})`;
    const open = await tx.ticket.count({ where: { userId: customerId, state: { not: "closed" } } });
    if (open >= MAX_OPEN_TICKETS) return null;
    const now = new Date();
    const ticket = await tx.ticket.create({
      data: {
        userId: customerId,
        subject: input.subject,
        kind: input.kind,
        orderIds: input.orderIds,
        paymentId: input.paymentId,
        lastMessageAt: now,
        messages: { create: { authorId: customerId, fromStaff: false, body: input.message, createdAt: now } },
      },
      select: { id: true },
    });
    return ticket.id;
  });
  if (created === null) {
    return fail("rate_limited", `You have ${MAX_OPEN_TICKETS} open tickets. Close one or wait for an answer before opening another.`);
  }
  if (input.kind === "refill" || input.kind === "cancel") await answerOrderRequests(db, customerId, created, input.kind, input.orderIds);
  return { ok: true, ticketId: created };
}
