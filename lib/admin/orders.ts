// Every customer's orders for staff, the `unknown` ones waiting for an operator, and the flagged
// ones with their history. Resolving goes through lib/orders, the one road for order money.
import "server-only";
import type { Db } from "@/lib/db/connection";
import type { Prisma } from "@/lib/db/generated/client";
import { resolveUnknownOrder, type ResolveResult } from "@/lib/orders/resolve-unknown-order";
import { adminRefusal, assertStaff, type StaffActor } from "./authorize";
import { fail, fieldRefusal } from "@/lib/result";
import { ZOrderFilters, type OrderFilters, type ResolveOrderInput } from "./schemas";
import { toLedgerString } from "@/lib/money";
import { boughtName } from "@/lib/orders/item-name";

export const ORDERS_PAGE_SIZE = 50;

const ORDER_SELECT = {
  id: true, createdAt: true, kind: true, state: true, quantity: true, link: true, remains: true,
  charge: true, upstreamOrderId: true, upstreamStatus: true, upstreamCharge: true, upstreamCurrency: true,
  flag: true, lastError: true, submitStartedAt: true, reconcileCandidates: true,
  user: { select: { id: true, email: true } },
  provider: { select: { id: true, name: true } },
  itemName: true,
  service: { select: { name: true } },
  product: { select: { name: true } },
} as const;

type OrderRow = Prisma.OrderGetPayload<{ select: typeof ORDER_SELECT }>;

function toStaffOrder({ service, product, charge, upstreamCharge, ...row }: OrderRow) {
  return {
    ...row,
    item: boughtName({ itemName: row.itemName, service, product }),
    charge: toLedgerString(charge),
    upstreamCharge: upstreamCharge?.toFixed() ?? null,
  };
}
export type StaffOrder = ReturnType<typeof toStaffOrder>;
export type OrderEventView = { id: string; type: string; message: string; createdAt: Date };

const eventsOf = (events: { id: bigint; type: string; message: string; createdAt: Date }[]): OrderEventView[] =>
  events.map((e) => ({ ...e, id: e.id.toString() })).reverse();

export async function listOrdersForStaff(db: Db, actor: StaffActor, input?: OrderFilters) {
  assertStaff(actor);
  const parsed = ZOrderFilters.safeParse(input ?? {});
  const f = parsed.success ? parsed.data : ZOrderFilters.parse({});
  const where: Prisma.OrderWhereInput = {
    ...(f.state ? { state: f.state } : {}),
    ...(f.email ? { user: { email: { contains: f.email, mode: "insensitive" } } } : {}),
    ...(f.providerId ? { providerId: f.providerId } : {}),
    ...(f.serviceId ? { serviceId: f.serviceId } : {}),
    ...(f.flagged ? { flag: f.flagged === "yes" ? { not: null } : null } : {}),
    ...(f.from || f.to ? { createdAt: { ...(f.from ? { gte: utcDayStart(f.from) } : {}), ...(f.to ? { lt: utcDayStart(f.to, 1) } : {}) } } : {}),
    ...(f.q ? { OR: searchTerms(f.q) } : {}),
  };
  const [rows, total] = await Promise.all([
    db.order.findMany({ where, orderBy: { id: "desc" }, skip: (f.page - 1) * ORDERS_PAGE_SIZE, take: ORDERS_PAGE_SIZE, select: ORDER_SELECT }),
    db.order.count({ where }),
  ]);
  return { orders: rows.map(toStaffOrder), total, page: f.page, pageSize: ORDERS_PAGE_SIZE };
}

/** Midnight UTC of a YYYY-MM-DD day (plus `days`): the date filters are UTC days, as the page says. */
function utcDayStart(day: string, days = 0): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000);
}

/** One search box for our id, the upstream id, the link and the customer's email. */
function searchTerms(q: string): Prisma.OrderWhereInput[] {
  const ours = /^#?(\d{1,10})$/.exec(q);
  const id = ours && Number(ours[1]) <= 2_147_483_647 ? Number(ours[1]) : null;
  return [
    ...(id !== null ? [{ id }] : []),
    { upstreamOrderId: q.replace(/^#/, "") },
    { link: { contains: q, mode: "insensitive" } },
    { user: { email: { contains: q, mode: "insensitive" } } },
  ];
}

// The latest 50 events, shown oldest first.
const EVENTS = { orderBy: { id: "desc" }, take: 50, select: { id: true, type: true, message: true, createdAt: true } } as const;

/** Orders whose `add` answer was lost, oldest first: each needs a look at the provider's panel. */
export async function listOrdersToResolve(db: Db, actor: StaffActor, { providerId, limit = 100 }: { providerId?: number; limit?: number } = {}) {
  assertStaff(actor);
  const rows = await db.order.findMany({
    where: { state: "unknown", ...(providerId ? { providerId } : {}) },
    orderBy: { id: "asc" },
    take: limit,
    select: { ...ORDER_SELECT, events: EVENTS },
  });
  return rows.map(({ events, ...row }) => ({ ...toStaffOrder(row), events: eventsOf(events) }));
}

/** Contradictions and unknown upstream statuses, newest first, with the order's history. */
export async function listFlaggedOrders(db: Db, actor: StaffActor, { providerId, limit = 50 }: { providerId?: number; limit?: number } = {}) {
  assertStaff(actor);
  const rows = await db.order.findMany({
    where: { flag: { not: null }, ...(providerId ? { providerId } : {}) },
    orderBy: { updatedAt: "desc" },
    take: limit,
    select: { ...ORDER_SELECT, events: EVENTS },
  });
  return rows.map(({ events, ...row }) => ({ ...toStaffOrder(row), events: eventsOf(events) }));
}

export type ResolveOrderResult = ResolveResult;

/**
 * "Placed upstream as #id" (the worker then follows it) or "failed" (refunded once, by lib/orders).
 * `r` is parsed by ZResolveOrderInput at the boundary.
 */
export async function resolveOrderForStaff(db: Db, actor: StaffActor, r: ResolveOrderInput): Promise<ResolveOrderResult> {
  const refused = adminRefusal(actor);
  if (refused) return refused;
  if (r.outcome === "failed") return resolveUnknownOrder(db, r.orderId, { failed: true }, actor.id);
  // Two of our orders following one upstream order would settle its money twice.
  const order = await db.order.findUnique({ where: { id: r.orderId }, select: { providerId: true } });
  if (!order) return fail("not_found", `No order ${r.orderId}.`);
  const taken = await db.order.findFirst({
    where: { providerId: order.providerId, upstreamOrderId: r.upstreamId, id: { not: r.orderId } },
    select: { id: true },
  });
  if (taken) {
    const message = `Order #${taken.id} already follows upstream order ${r.upstreamId}.`;
    return fieldRefusal("upstream_order_taken", "upstreamId", message);
  }
  return resolveUnknownOrder(db, r.orderId, { placed: r.upstreamId }, actor.id);
}

/** The tab counts: orders waiting for an operator and orders with a flag. */
export async function countOrdersForAttention(db: Db, actor: StaffActor) {
  assertStaff(actor);
  const [unknown, flagged] = await Promise.all([
    db.order.count({ where: { state: "unknown" } }),
    db.order.count({ where: { flag: { not: null } } }),
  ]);
  return { unknown, flagged };
}

/** Resolutions of the last day, newest first: where a resolved order goes, so the admin sees the outcome. */
export async function listRecentlyResolved(db: Db, actor: StaffActor, since = new Date(Date.now() - 24 * 3600_000)) {
  assertStaff(actor);
  const events = await db.orderEvent.findMany({
    where: { type: "resolved", createdAt: { gte: since } },
    orderBy: { id: "desc" },
    take: 20,
    select: {
      id: true, message: true, createdAt: true,
      order: { select: { id: true, state: true, upstreamOrderId: true, charge: true, user: { select: { id: true, email: true } } } },
    },
  });
  return events.map(({ id, order, ...e }) => ({ ...e, id: id.toString(), order: { ...order, charge: toLedgerString(order.charge) } }));
}
