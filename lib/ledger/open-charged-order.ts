// The lean first step of a placement: the order row, its debit and the debit's ledger entry in
// ONE statement (no interactive transaction, one round trip). The same guards hold as in
// openOrder + applyBalanceChange: the debit is conditional (balance - charge >= 0, and the
// balance CHECK), the idempotency key's unique index refuses a second order (and so rolls the
// whole statement back, debit included), the ledger's sign/order CHECKs and append-only triggers
// apply. The order is written already claimed for sending (submitStartedAt and a sender's lease,
// see lib/orders/submission-lease.ts): the caller sends `add` next, outside any transaction.
import type { Db } from "@/lib/db/connection";
import type { Prisma } from "@/lib/db/generated/client";
import type { OrderKind } from "@/lib/db/generated/enums";
import { isUniqueViolation } from "@/lib/db/errors";
import { type Decimal, LEDGER_SCALE } from "@/lib/money";

export type ChargedOrder = {
  customerId: number;
  kind: OrderKind;
  serviceId: number | null;
  productId: number | null;
  providerId: number;
  link: string | null;
  quantity: number;
  params: Prisma.InputJsonValue;
  charge: Decimal;
  upstreamCost: Decimal | null;
  idempotencyKey: string | null;
  requestHash: string;
  /** How long the sender's lease on the claimed order lasts before it is renewed. */
  leaseMs: number;
};

export type OpenChargedResult =
  | { ok: true; orderId: number; createdAt: Date }
  | { ok: false; reason: "not_enough_funds" | "key_taken" };

export async function openChargedOrder(db: Db, order: ChargedOrder, now = new Date()): Promise<OpenChargedResult> {
  const charge = order.charge.toFixed(LEDGER_SCALE);
  const leaseUntil = new Date(now.getTime() + order.leaseMs);
  try {
    // The ledger insert reads the debit's balance and the order's id, so it runs after both;
    // the debit's row lock orders concurrent changes of one balance, as applyBalanceChange does.
    const rows = await db.$queryRaw<{ id: number }[]>`
      WITH debit AS (
        UPDATE "User" SET balance = balance - ${charge}::numeric, "updatedAt" = ${now}
        WHERE id = ${order.customerId} AND balance - ${charge}::numeric >= 0
        RETURNING balance
      ), placed AS (
        INSERT INTO "Order" ("userId", kind, "serviceId", "productId", "providerId", link, quantity, params, charge,
          "upstreamCost", state, "idempotencyKey", "requestHash", "submitStartedAt", "leaseUntil", "nextSyncAt", "createdAt", "updatedAt")
        SELECT ${order.customerId}, ${order.kind}::"OrderKind", ${order.serviceId}, ${order.productId}, ${order.providerId},
          ${order.link}, ${order.quantity}, ${JSON.stringify(order.params)}::jsonb, ${charge}::numeric,
          ${order.upstreamCost?.toFixed(LEDGER_SCALE) ?? null}::numeric, 'pending_submit'::"OrderState", ${order.idempotencyKey},
          ${order.requestHash}, ${now}, ${leaseUntil}, ${now}, ${now}, ${now}
        FROM debit
        RETURNING id
      ), entry AS (
        INSERT INTO "LedgerEntry" ("userId", kind, amount, "balanceAfter", "orderId", "createdAt")
        SELECT ${order.customerId}, 'charge'::"LedgerKind", -${charge}::numeric, debit.balance, placed.id, ${now}
        FROM debit, placed
        RETURNING "orderId"
      )
      SELECT "orderId" AS id FROM entry`;
    if (rows.length === 0) return { ok: false, reason: "not_enough_funds" };
    return { ok: true, orderId: rows[0]!.id, createdAt: now };
  } catch (error) {
    // The same key sent concurrently: the unique index refused this copy, debit and all.
    if (order.idempotencyKey && isUniqueViolation(error)) return { ok: false, reason: "key_taken" };
    throw error;
  }
}
