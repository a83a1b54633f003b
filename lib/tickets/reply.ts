// Writing into a ticket. A customer's reply (to their own ticket only; another's id is "not
// found") opens it again for staff; a staff reply answers it (or closes it) and marks it unread
// for the customer, and queues the reply email in the same transaction (by the customer's
// preference); the panel's own answer to a refill/cancel ticket is a staff-side message without
// an author.
import { assertStaff, type StaffActor } from "@/lib/admin/authorize";
import type { Db } from "@/lib/db/connection";
import { moneyTransaction } from "@/lib/ledger/transaction";
import { queueTicketReplyEmail } from "@/lib/notifications/ticket-reply-email";
import { fail, type Failure } from "@/lib/result";
import { ticketMessageRefusal } from "./limits";

export type ReplyResult = { ok: true } | Failure;

const NOT_FOUND = "Ticket not found.";

export async function replyAsCustomer(db: Db, customerId: number, ticketId: number, body: string): Promise<ReplyResult> {
  const ticket = await db.ticket.findFirst({ where: { id: ticketId, userId: customerId }, select: { id: true } });
  if (!ticket) return fail("not_found", NOT_FOUND);
  const limited = await ticketMessageRefusal(customerId);
  if (limited) return fail("rate_limited", limited);
  const now = new Date();
  await moneyTransaction(db, async (tx) => {
    await tx.ticketMessage.create({ data: { ticketId, authorId: customerId, fromStaff: false, body, createdAt: now } });
    await tx.ticket.updateMany({ where: { id: ticketId, userId: customerId }, data: { state: "open", lastMessageAt: now } });
  });
  return { ok: true };
}

export async function replyAsStaff(db: Db, actor: StaffActor, ticketId: number, body: string, close = false): Promise<ReplyResult> {
  assertStaff(actor);
  const now = new Date();
  const done = await moneyTransaction(db, async (tx) => {
    const moved = await tx.ticket.updateMany({
      where: { id: ticketId },
      data: { state: close ? "closed" : "answered", lastMessageAt: now, unreadByCustomer: true },
    });
    if (moved.count === 0) return false;
    const message = await tx.ticketMessage.create({ data: { ticketId, authorId: actor.id, fromStaff: true, body, createdAt: now }, select: { id: true } });
    await queueTicketReplyEmail(tx, ticketId, message.id);
    return true;
  });
  return done ? { ok: true } : fail("not_found", NOT_FOUND);
}

/** The panel's automatic answer: answered when it handled everything, else left open for staff. */
export async function postPanelAnswer(db: Db, ticketId: number, body: string, handledAll: boolean): Promise<void> {
  const now = new Date();
  await moneyTransaction(db, async (tx) => {
    await tx.ticketMessage.create({ data: { ticketId, authorId: null, fromStaff: true, body, createdAt: now } });
    await tx.ticket.update({ where: { id: ticketId }, data: { state: handledAll ? "answered" : "open", lastMessageAt: now, unreadByCustomer: true } });
  });
}

/** A customer closes their own ticket; a later reply opens it again. */
export async function closeAsCustomer(db: Db, customerId: number, ticketId: number): Promise<ReplyResult> {
  const moved = await db.ticket.updateMany({ where: { id: ticketId, userId: customerId }, data: { state: "closed" } });
  return moved.count ? { ok: true } : fail("not_found", NOT_FOUND);
}

export async function closeAsStaff(db: Db, actor: StaffActor, ticketId: number): Promise<ReplyResult> {
  assertStaff(actor);
  const moved = await db.ticket.updateMany({ where: { id: ticketId }, data: { state: "closed" } });
  return moved.count ? { ok: true } : fail("not_found", NOT_FOUND);
}
