// The lean first step of a placement: the order row, its debit and the debit's ledger entry in
// ONE statement (no interactive transaction, one round trip). The debit is the ledger's own
// balance change (balanceChangeCtes, the only SQL that writes User.balance), so it is conditional
// (never below zero) like every other; the idempotency key's unique index refuses a second order
// (and so rolls the whole statement back, debit included), and the ledger's CHECKs and triggers
// apply. Creating an order is the state table's `null → pending_submit` (its debit). The order is
// written already claimed for sending (submitStartedAt and a sender's lease, see
// lib/orders/submission-lease.ts): the caller sends `add` next, outside any transaction.
import type { Db } from "@/lib/db/connection";
import { Prisma } from "@/lib/db/generated/client";
import type { OrderKind } from "@/lib/db/generated/enums";
import { isUniqueViolation } from "@/lib/db/errors";
import { type Decimal, LEDGER_SCALE } from "@/lib/money";
import { balanceChangeCtes } from "./balance-change";

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
  const debit = Prisma.sql`SELECT ${order.customerId}::int AS user_id, 'charge'::text AS kind, -${charge}::numeric AS amount,
    (SELECT id FROM new_order) AS order_id, NULL::int AS payment_id, NULL::int AS reversal_id, NULL::int AS affiliate_payout_id, NULL::int AS actor_id, NULL::text AS reason, 1::bigint AS position`;
  try {
    // The order's id is taken first so that its debit's ledger entry can name it; the order row is
    // written only if the debit moved the balance (balance_moved has its customer's row).
    const rows = await db.$queryRaw<{ id: number }[]>`
      WITH new_order AS (SELECT nextval(pg_get_serial_sequence('"Order"', 'id'))::int AS id),
      ${balanceChangeCtes(debit)},
      placed AS (
        INSERT INTO "Order" (id, "userId", kind, "serviceId", "productId", "providerId", link, quantity, params, charge,
          "upstreamCost", state, "idempotencyKey", "requestHash", "submitStartedAt", "leaseUntil", "nextSyncAt", "createdAt", "updatedAt")
        SELECT new_order.id, ${order.customerId}, ${order.kind}::"OrderKind", ${order.serviceId}, ${order.productId}, ${order.providerId},
          ${order.link}, ${order.quantity}, ${JSON.stringify(order.params)}::jsonb, ${charge}::numeric,
          ${order.upstreamCost?.toFixed(LEDGER_SCALE) ?? null}::numeric, 'pending_submit'::"OrderState", ${order.idempotencyKey},
          ${order.requestHash}, ${now}, ${leaseUntil}, ${now}, ${now}, ${now}
        FROM new_order WHERE EXISTS (SELECT 1 FROM balance_moved)
        RETURNING id
      )
      SELECT id FROM placed`;
    if (rows.length === 0) return { ok: false, reason: "not_enough_funds" };
    return { ok: true, orderId: rows[0]!.id, createdAt: now };
  } catch (error) {
    // The same key sent concurrently: the unique index refused this copy, debit and all.
    if (order.idempotencyKey && isUniqueViolation(error)) return { ok: false, reason: "key_taken" };
    throw error;
  }
}
