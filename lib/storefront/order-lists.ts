// The customer's order pages beyond the main list: drip-feed orders with each run's progress,
// subscriptions (what was delivered, until when, cancel), every refill across orders, and orders
// found by their link in any state. Built for a customer with 100,000 orders: keyset pages (the
// next page starts below the last id shown, never OFFSET), each read through an index made for it
// (migration order_list_indexes: partial indexes for the drip-feed and subscription orders, a
// trigram index for links, Refill by customer). Every query filters by the customer: another customer's rows never appear.
import type { Db } from "@/lib/db/connection";
import { Prisma } from "@/lib/db/generated/client";
import { CUSTOMER_ORDER_SELECT, toCustomerOrder } from "@/lib/orders/customer-order";
import { REFILL_STATE_LABELS } from "@/lib/orders/labels";
import { enrichOrders, type StorefrontOrder } from "./order-view";

export const ORDER_LIST_PAGE_SIZE = 25;

/** One page, newest first, and where the next one starts (null: this is the last). */
export type KeysetPage<T> = { rows: T[]; nextBefore: number | null };

/** A `before` cursor as it arrives in the URL; anything else starts at the newest. */
export function parseBefore(raw: string | undefined): number | null {
  return raw && /^\d{1,10}$/.test(raw) && Number(raw) <= 2_147_483_647 ? Number(raw) : null;
}

function pageOf<T extends { id: number }>(rows: T[], size: number): KeysetPage<T> {
  const more = rows.length > size;
  const shown = more ? rows.slice(0, size) : rows;
  return { rows: shown, nextBefore: more ? shown[shown.length - 1].id : null };
}

/** The customer's orders with these ids (newest first), with refunds, net and Refill/Cancel. */
async function storefrontOrders(db: Db, customerId: number, ids: number[], now: Date): Promise<StorefrontOrder[]> {
  if (ids.length === 0) return [];
  const rows = await db.order.findMany({ where: { id: { in: ids }, userId: customerId }, orderBy: { id: "desc" }, select: CUSTOMER_ORDER_SELECT });
  return enrichOrders(db, customerId, rows.map(toCustomerOrder), now);
}

async function orderIdsWhere(db: Db, customerId: number, filter: Prisma.Sql, before: number | null, size: number): Promise<number[]> {
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT id FROM "Order"
    WHERE "userId" = ${customerId} AND ${filter} ${before === null ? Prisma.empty : Prisma.sql`AND id < ${before}`}
    ORDER BY id DESC LIMIT ${size + 1}`;
  return rows.map((row) => row.id);
}

// The predicates below are written exactly as the partial indexes' (migration order_list_indexes),
// so that PostgreSQL uses them.
const IS_DRIP_FEED = Prisma.sql`params ? 'dripFeed'`;
const IS_SUBSCRIPTION = Prisma.sql`(params ->> 'type') = 'Subscriptions'`;

export type DripFeedRun = { run: number; /** 0..1 */ done: number };
export type DripFeedOrder = StorefrontOrder & {
  runs: number;
  interval: number;
  perRun: number;
  delivered: number;
  runsDone: number;
  /** Each run's share delivered, in order (deliveries fill the runs one after another). */
  runProgress: DripFeedRun[];
};

/** Delivered units as the upstream reports them: quantity − remains once it reported any. */
function deliveredOf(order: StorefrontOrder): number {
  if (order.state === "completed") return order.quantity;
  if (order.remainsShown === null) return 0;
  return Math.max(0, order.quantity - order.remainsShown);
}

export function dripFeedProgress(order: StorefrontOrder): DripFeedOrder | null {
  const drip = (order.params as { dripFeed?: { runs?: unknown; interval?: unknown } } | null)?.dripFeed;
  const runs = Number(drip?.runs);
  const interval = Number(drip?.interval);
  if (!Number.isSafeInteger(runs) || runs < 1) return null;
  const perRun = Math.max(1, Math.floor(order.quantity / runs));
  const delivered = deliveredOf(order);
  const runProgress = Array.from({ length: runs }, (_, i) => ({ run: i + 1, done: Math.min(1, Math.max(0, (delivered - i * perRun) / perRun)) }));
  return { ...order, runs, interval: Number.isSafeInteger(interval) ? interval : 0, perRun, delivered, runsDone: runProgress.filter((r) => r.done >= 1).length, runProgress };
}

export async function listDripFeedOrders(db: Db, customerId: number, before: number | null, now = new Date(), size = ORDER_LIST_PAGE_SIZE): Promise<KeysetPage<DripFeedOrder>> {
  const ids = await orderIdsWhere(db, customerId, IS_DRIP_FEED, before, size);
  const page = pageOf(ids.map((id) => ({ id })), size);
  const orders = await storefrontOrders(db, customerId, page.rows.map((r) => r.id), now);
  return { rows: orders.map(dripFeedProgress).filter((o): o is DripFeedOrder => o !== null), nextBefore: page.nextBefore };
}

export type SubscriptionOrder = StorefrontOrder & {
  username: string;
  minPerPost: number;
  maxPerPost: number;
  posts: number;
  oldPosts: number | null;
  delay: number;
  /** dd/mm/yyyy as ordered, and whether that day has passed. */
  expiry: string;
  expired: boolean;
  delivered: number;
};

/** dd/mm/yyyy → the end of that day (UTC), or null. */
function endOfDay(text: string): Date | null {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  return m ? new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1]) + 1)) : null;
}

export function subscriptionView(order: StorefrontOrder, now: Date): SubscriptionOrder {
  const p = (order.params ?? {}) as Record<string, unknown>;
  const expiry = typeof p.expiry === "string" ? p.expiry : "";
  const ends = endOfDay(expiry);
  return {
    ...order,
    username: typeof p.username === "string" ? p.username : "",
    minPerPost: Number(p.min) || 0,
    maxPerPost: Number(p.max) || 0,
    posts: Number(p.posts) || 0,
    oldPosts: p.oldPosts === undefined ? null : Number(p.oldPosts),
    delay: Number(p.delay) || 0,
    expiry,
    expired: ends !== null && ends <= now,
    delivered: deliveredOf(order),
  };
}

export async function listSubscriptions(db: Db, customerId: number, before: number | null, now = new Date(), size = ORDER_LIST_PAGE_SIZE): Promise<KeysetPage<SubscriptionOrder>> {
  const ids = await orderIdsWhere(db, customerId, IS_SUBSCRIPTION, before, size);
  const page = pageOf(ids.map((id) => ({ id })), size);
  const orders = await storefrontOrders(db, customerId, page.rows.map((r) => r.id), now);
  return { rows: orders.map((o) => subscriptionView(o, now)), nextBefore: page.nextBefore };
}

/** A link search's text as typed: at most 200 characters, LIKE's wildcards taken literally. */
export function linkPattern(text: string): string | null {
  const trimmed = text.trim().slice(0, 200);
  return trimmed ? `%${trimmed.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
}

/** Orders whose link contains the text (any case), in every state, newest first. */
export async function searchOrdersByLink(db: Db, customerId: number, text: string, before: number | null, now = new Date(), size = ORDER_LIST_PAGE_SIZE): Promise<KeysetPage<StorefrontOrder>> {
  const pattern = linkPattern(text);
  if (!pattern) return { rows: [], nextBefore: null };
  const ids = await orderIdsWhere(db, customerId, Prisma.sql`link ILIKE ${pattern}`, before, size);
  const page = pageOf(ids.map((id) => ({ id })), size);
  return { rows: await storefrontOrders(db, customerId, page.rows.map((r) => r.id), now), nextBefore: page.nextBefore };
}

export type RefillRow = { id: number; orderId: number; orderName: string; link: string | null; state: string; stateLabel: string; requestedAt: string; updatedAt: string };

/** Every refill the customer asked for, across orders, with its state. */
export async function listRefills(db: Db, customerId: number, before: number | null, size = ORDER_LIST_PAGE_SIZE): Promise<KeysetPage<RefillRow>> {
  const rows = await db.refill.findMany({
    where: { userId: customerId, ...(before === null ? {} : { id: { lt: before } }) },
    orderBy: { id: "desc" },
    take: size + 1,
    select: { id: true, orderId: true, state: true, createdAt: true, updatedAt: true, order: { select: { link: true, itemName: true, service: { select: { name: true } } } } },
  });
  const page = pageOf(rows, size);
  return {
    rows: page.rows.map((r) => ({
      id: r.id,
      orderId: r.orderId,
      // The name the order was bought under (a renamed service keeps it).
      orderName: r.order.itemName ?? r.order.service?.name ?? "",
      link: r.order.link,
      state: r.state,
      stateLabel: REFILL_STATE_LABELS[r.state],
      requestedAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    })),
    nextBefore: page.nextBefore,
  };
}
