// Step one of placing any order: in one transaction, the order row (pending_submit) and its
// charge. Nothing is sent upstream here, and nothing upstream happens inside a transaction.
import type { Db } from "@/lib/db/connection";
import type { Prisma } from "@/lib/db/generated/client";
import type { OrderKind } from "@/lib/db/generated/enums";
import { debitForOrder } from "@/lib/ledger/order-money";
import { moneyTransaction } from "@/lib/ledger/transaction";
import { type Decimal, LEDGER_SCALE } from "@/lib/money";
import { isUniqueViolation } from "@/lib/db/errors";
import { fail, type Failure } from "@/lib/result";

export type NewOrder = {
  customerId: number;
  kind: OrderKind;
  serviceId?: number;
  productId?: number;
  providerId: number;
  link: string | null;
  quantity: number;
  params: Prisma.InputJsonValue;
  charge: Decimal;
  /** What it costs us at the upstream's listed rate (lib/orders/upstream-cost.ts). */
  upstreamCost?: Decimal;
  idempotencyKey?: string;
  requestHash: string;
};

export type OpenOrderResult = { ok: true; orderId: number; duplicate: boolean } | Failure;

const NOT_ENOUGH_FUNDS = "Not enough funds on balance";
const KEY_REUSED = "This idempotency key was already used for a different order.";

class NotEnoughFunds extends Error {}

export async function openOrder(db: Db, order: NewOrder): Promise<OpenOrderResult> {
  if (order.idempotencyKey) {
    const earlier = await findByKey(db, order);
    if (earlier) return earlier;
  }
  try {
    return await moneyTransaction(db, async (tx) => {
      const created = await tx.order.create({
        data: {
          userId: order.customerId,
          kind: order.kind,
          serviceId: order.serviceId ?? null,
          productId: order.productId ?? null,
          providerId: order.providerId,
          link: order.link,
          quantity: order.quantity,
          params: order.params,
          charge: order.charge.toFixed(LEDGER_SCALE),
          upstreamCost: order.upstreamCost?.toFixed(LEDGER_SCALE) ?? null,
          state: "pending_submit",
          idempotencyKey: order.idempotencyKey ?? null,
          requestHash: order.requestHash,
        },
        select: { id: true },
      });
      const balance = await debitForOrder(tx, { customerId: order.customerId, orderId: created.id, charge: order.charge });
      // Throwing rolls the order row back with the debit that could not happen.
      if (!balance) throw new NotEnoughFunds();
      return { ok: true as const, orderId: created.id, duplicate: false };
    });
  } catch (error) {
    if (error instanceof NotEnoughFunds) return fail("not_enough_funds", NOT_ENOUGH_FUNDS);
    // The same key sent concurrently: the unique index made every other copy wait and then fail.
    if (order.idempotencyKey && isUniqueViolation(error)) {
      const earlier = await findByKey(db, order);
      if (earlier) return earlier;
    }
    throw error;
  }
}

function findByKey(db: Db, order: NewOrder): Promise<OpenOrderResult | null> {
  return findOrderByIdempotencyKey(db, order.customerId, order.idempotencyKey!, order.requestHash);
}

/**
 * The order an earlier request with this key created: the same order again for the same
 * request, a refusal for a different one, null when the key is new. Callers ask this before
 * validating, so that a retry is answered with its order even if the catalog changed since.
 */
export async function findOrderByIdempotencyKey(
  db: Db,
  customerId: number,
  idempotencyKey: string,
  requestHash: string,
): Promise<OpenOrderResult | null> {
  const earlier = await db.order.findUnique({
    where: { userId_idempotencyKey: { userId: customerId, idempotencyKey } },
    select: { id: true, requestHash: true },
  });
  if (!earlier) return null;
  if (earlier.requestHash !== requestHash) return fail("key_reused", KEY_REUSED);
  return { ok: true, orderId: earlier.id, duplicate: true };
}
