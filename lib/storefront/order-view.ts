// What the customer's orders list and order page show beyond the order row: what was actually
// paid (charge, refunds, net), whether Refill and Cancel are possible now and, if not, why and
// until when, and remains that are never negative. Two extra queries per page, whatever its size.
import type { Db } from "@/lib/db/connection";
import { Decimal, toLedgerString } from "@/lib/money";
import { getOrder, listOrders, type CustomerOrder, type OrderPage } from "@/lib/orders";
import { CANCELLABLE_STATES, isDeliveredState, isLiveState } from "@/lib/orders/state-machine";
import { refillCooldownHours } from "@/lib/refills/request-refill";

export type OrderAbility = { allowed: true } | { allowed: false; reason: string; /** ISO time when it becomes possible. */ until?: string };

export type StorefrontOrder = Omit<CustomerOrder, "createdAt" | "finishedAt"> & {
  createdAt: string;
  finishedAt: string | null;
  /** Sum of the order's refunds (failed, partial, canceled, manual), 6 decimals, ≥ 0. */
  refunded: string;
  /** charge − refunded: what the order cost the customer. */
  net: string;
  /** Remains as shown: never below zero. */
  remainsShown: number | null;
  /** Units delivered beyond the quantity (the upstream reported negative remains). */
  overDelivered: number;
  refill: OrderAbility | null;
  cancel: OrderAbility | null;
};

export type StorefrontOrderPage = Omit<OrderPage, "orders"> & { orders: StorefrontOrder[] };

const REFUND_KINDS = ["refund_failed", "refund_partial", "refund_canceled", "refund_manual"] as const;

async function enrich(db: Db, customerId: number, orders: CustomerOrder[], now: Date): Promise<StorefrontOrder[]> {
  const ids = orders.map((order) => order.id);
  if (ids.length === 0) return [];
  const cooldownMs = refillCooldownHours() * 3_600_000;
  const [flags, refunds, refills] = await Promise.all([
    db.order.findMany({
      where: { id: { in: ids }, userId: customerId },
      select: { id: true, cancelRequestedAt: true, service: { select: { refill: true, cancel: true } } },
    }),
    db.ledgerEntry.groupBy({
      by: ["orderId"],
      where: { userId: customerId, orderId: { in: ids }, kind: { in: [...REFUND_KINDS] } },
      _sum: { amount: true },
    }),
    db.refill.groupBy({
      by: ["orderId"],
      where: { userId: customerId, orderId: { in: ids }, state: { not: "failed" }, createdAt: { gt: new Date(now.getTime() - cooldownMs) } },
      _max: { createdAt: true },
    }),
  ]);
  const refundOf = new Map(refunds.map((row) => [row.orderId, row._sum.amount ? toLedgerString(row._sum.amount) : "0"]));
  const lastRefillOf = new Map(refills.map((row) => [row.orderId, row._max.createdAt]));
  const flagsOf = new Map(flags.map((row) => [row.id, { refill: !!row.service?.refill, cancel: !!row.service?.cancel, cancelRequested: !!row.cancelRequestedAt }]));
  return orders.map((order) => {
    const refunded = new Decimal(refundOf.get(order.id) ?? "0");
    const lastRefill = lastRefillOf.get(order.id);
    const flag = flagsOf.get(order.id) ?? { refill: false, cancel: false, cancelRequested: false };
    return {
      ...order,
      createdAt: order.createdAt.toISOString(),
      finishedAt: order.finishedAt?.toISOString() ?? null,
      refunded: toLedgerString(refunded),
      net: toLedgerString(new Decimal(order.charge).minus(refunded)),
      remainsShown: order.remains === null ? null : Math.max(0, order.remains),
      overDelivered: order.remains !== null && order.remains < 0 ? -order.remains : 0,
      refill: flag.refill ? refillAbility(order, lastRefill ? new Date(lastRefill.getTime() + cooldownMs) : null) : null,
      cancel: flag.cancel ? cancelAbility(order, flag.cancelRequested) : null,
    };
  });
}

/**
 * Only called for services that offer refills (others show no button at all). The state
 * machine's groups decide: a delivered order may be refilled, one still live may be later, and
 * one that ended undelivered (canceled, failed) never will, so it shows no button.
 */
function refillAbility(order: CustomerOrder, nextAt: Date | null): OrderAbility | null {
  if (order.kind !== "service") return null;
  if (!isDeliveredState(order.state)) {
    return isLiveState(order.state) ? { allowed: false, reason: "A refill can be requested once the order is completed." } : null;
  }
  if (nextAt) return { allowed: false, reason: "A refill was requested recently.", until: nextAt.toISOString() };
  return { allowed: true };
}

/** Only called for services that allow cancelling; finished orders show no button. */
function cancelAbility(order: CustomerOrder, cancelRequested: boolean): OrderAbility | null {
  if (order.kind !== "service" || !CANCELLABLE_STATES.includes(order.state)) return null;
  if (cancelRequested) return { allowed: false, reason: "A cancel was already requested." };
  return { allowed: true };
}

export async function listStorefrontOrders(db: Db, customerId: number, filters: unknown, now = new Date()): Promise<StorefrontOrderPage> {
  const page = await listOrders(db, customerId, filters);
  return { ...page, orders: await enrich(db, customerId, page.orders, now) };
}

export async function getStorefrontOrder(db: Db, customerId: number, orderId: number, now = new Date()): Promise<StorefrontOrder | null> {
  const order = await getOrder(db, customerId, orderId);
  if (!order) return null;
  const [enriched] = await enrich(db, customerId, [order], now);
  return enriched;
}
