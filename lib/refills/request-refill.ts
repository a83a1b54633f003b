// A customer asks the provider to top a finished order back up. At most one refill per order per
// cooldown (REFILL_COOLDOWN_HOURS, 24 by default): the order row is locked while checking, so
// two clicks at once create one refill. Refills cost nothing; refused ones do not count.
import { config } from "@/lib/config";
import type { Db } from "@/lib/db/connection";
import { moneyTransaction } from "@/lib/ledger/transaction";
import { fail, type Failure } from "@/lib/result";
import { recordOrderEvent } from "@/lib/orders/order-events";
import { upstreamClientFor } from "@/lib/providers/provider-client";
import type { RefillState } from "@/lib/db/generated/enums";
import { isDeliveredState } from "@/lib/orders/state-machine";
import { moveRefills } from "./move-refills";

export type RequestRefillResult = { ok: true; refill: { id: number; state: RefillState } } | Failure;

const FIRST_REFILL_POLL_MS = 60_000;

export function refillCooldownHours(): number {
  return config().REFILL_COOLDOWN_HOURS;
}

export async function requestRefill(db: Db, customerId: number, orderId: number, now = new Date()): Promise<RequestRefillResult> {
  if (!Number.isSafeInteger(orderId)) return fail("not_found", "Order not found.");
  const order = await db.order.findFirst({
    where: { id: orderId, userId: customerId },
    select: {
      state: true,
      upstreamOrderId: true,
      service: { select: { refill: true } },
      provider: { select: { apiUrl: true, apiKeyEncrypted: true, timeoutMs: true } },
    },
  });
  if (!order) return fail("not_found", "Order not found.");
  if (!order.service?.refill) return fail("refill_not_offered", "This service does not offer refills.");
  if (!isDeliveredState(order.state) || !order.upstreamOrderId) {
    return fail("not_refillable", "A refill can be requested once the order is completed.");
  }
  const upstreamOrderId = order.upstreamOrderId;

  const cooldownMs = refillCooldownHours() * 3_600_000;
  const created = await moneyTransaction(db, async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Order" WHERE id = ${orderId} FOR UPDATE`;
    const recent = await tx.refill.findFirst({
      where: { orderId, state: { not: "failed" }, createdAt: { gt: new Date(now.getTime() - cooldownMs) } },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    });
    if (recent) return { ok: false as const, nextAt: new Date(recent.createdAt.getTime() + cooldownMs) };
    const refill = await tx.refill.create({ data: { orderId, userId: customerId, state: "pending_submit", createdAt: now }, select: { id: true } });
    return { ok: true as const, id: refill.id };
  });
  if (!created.ok) {
    const nextAt = created.nextAt.toISOString();
    return fail("refill_cooldown", `A refill was requested recently; the next one is possible after ${nextAt}.`, { data: { nextAt } });
  }

  let answer;
  try {
    answer = await upstreamClientFor(order.provider).refill(upstreamOrderId);
  } catch (error) {
    answer = { ok: false as const, kind: "definite" as const, message: (error as Error).message };
  }
  const id = created.id;
  if (answer.ok) {
    await moveRefills(db, {
      where: { id },
      from: "pending_submit",
      to: "pending",
      by: "request",
      data: { upstreamRefillId: answer.value.refill, nextSyncAt: new Date(now.getTime() + FIRST_REFILL_POLL_MS) },
    });
    await recordOrderEvent(db, orderId, "refill-requested", `refill ${answer.value.refill} requested`);
    return { ok: true, refill: { id, state: "pending" } };
  }
  const state: RefillState = answer.kind === "definite" ? "failed" : "unknown";
  await moveRefills(db, { where: { id }, from: "pending_submit", to: state, by: "request", data: { lastError: answer.message.slice(0, 2000) } });
  await recordOrderEvent(db, orderId, "refill-requested", `refill ${state === "failed" ? "refused" : "unconfirmed"}: ${answer.message}`);
  if (state === "failed") return fail("refill_refused", "The provider refused the refill for this order.");
  return { ok: true, refill: { id, state } };
}
