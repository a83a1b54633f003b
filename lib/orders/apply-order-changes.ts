// The set-based form of transitionOrders, for settling a batch of polled orders in ONE SQL
// statement (atomic on its own): every order's new columns (and state, when it moves) by a
// conditional UPDATE (WHERE id AND state = from), then — for the orders that update really moved
// — their events, and the refunds the transition table asks for with their ledger entries. The
// same guards hold as one by one: each move is checked against the table here and by the
// database trigger; an order whose state changed since it was read matches nothing, so it gets
// no event and no money; the one-refund-per-order index and the balance CHECK stop anything else.
// Rows are locked in id order (orders, then customers), so concurrent batches never deadlock.
import type { Db } from "@/lib/db/connection";
import { expectedRefund } from "@/lib/ledger/expected-refund";
import { refundCtes, type OrderRefund, type RefundKind } from "@/lib/ledger/order-money";
import type { Tx } from "@/lib/ledger/transaction";
import type { Decimal } from "@/lib/money";
import type { OrderEventType } from "./order-events";
import { isListedTransition, type OrderState, type TransitionActor } from "./state-machine";
import { toLedgerString } from "@/lib/money";

/** One order's change. `null` keeps a column as it is. */
export type OrderChange = {
  id: number;
  from: OrderState;
  /** Equal to `from` when only columns change. */
  to: OrderState;
  upstreamStatus: string | null;
  remains: number | null;
  startCount: bigint | number | null;
  upstreamCharge: string | null;
  upstreamCurrency: string | null;
  resetFailures: boolean;
  nextSyncAt: Date | null;
  finishedAt: Date | null;
  /** "clear": an answer we can act on ends earlier oddities; `set`: flag it (event only if new). */
  flag: "keep" | "clear" | { set: string };
  clearLastError: boolean;
  /** Events written when the change applies, before any refund or flag event. */
  events: { type: OrderEventType; message: string }[];
};

export type AppliedChange = { id: number; refunded: { kind: RefundKind; amount: Decimal } | null };

/** What the changes were planned from: the order's money (never changes) and flag as read. */
export type OrderSnapshot = { id: number; userId: number; state: OrderState; charge: Decimal; quantity: number; flag: string | null };

export async function applyOrderChanges(
  db: Db | Tx,
  by: TransitionActor,
  snapshots: Map<number, OrderSnapshot>,
  changes: OrderChange[],
): Promise<AppliedChange[]> {
  if (changes.length === 0) return [];
  const refunds: OrderRefund[] = [];
  const events: { orderId: number; type: OrderEventType; message: string }[] = [];
  for (const change of changes) {
    if (change.from !== change.to && !isListedTransition(change.from, change.to, by)) {
      throw new Error(`order transition ${change.from} → ${change.to} by ${by} is not in the transition table`);
    }
    const order = snapshots.get(change.id);
    if (!order) throw new Error(`order ${change.id} was not read before planning its change`);
    for (const event of change.events) events.push({ orderId: change.id, ...event });
    // The table's money effect, from the row as it will stand (remains as observed).
    const refund = change.from === change.to ? null : expectedRefund({ state: change.to, charge: order.charge, quantity: order.quantity, remains: change.remains });
    if (refund) {
      if (!refund.amount) throw new Error(`order ${change.id}: ${change.to} needs remains to compute its refund`);
      refunds.push({ customerId: order.userId, orderId: change.id, kind: refund.kind, amount: refund.amount });
      events.push({ orderId: change.id, type: "refund", message: `${refund.kind} ${toLedgerString(refund.amount)}` });
    }
    // Like flagOrder: the same oddity seen on every poll is written to the history once.
    if (typeof change.flag === "object" && change.flag.set !== order.flag) events.push({ orderId: change.id, type: "flag", message: change.flag.set });
  }
  const col = <T>(pick: (change: OrderChange) => T) => changes.map(pick);
  const [result] = await db.$queryRaw<{ moved: number[] | null; refunded: number }[]>`
    WITH v AS (
      SELECT * FROM unnest(
        ${col((c) => c.id)}::int[],
        ${col((c) => c.from)}::text[],
        ${col((c) => c.to)}::text[],
        ${col((c) => c.upstreamStatus)}::text[],
        ${col((c) => c.remains)}::int[],
        ${col((c) => (c.startCount === null ? null : String(c.startCount)))}::bigint[],
        ${col((c) => c.upstreamCharge)}::numeric[],
        ${col((c) => c.upstreamCurrency)}::text[],
        ${col((c) => c.resetFailures)}::boolean[],
        ${col((c) => c.nextSyncAt?.toISOString() ?? null)}::timestamptz[],
        ${col((c) => c.finishedAt?.toISOString() ?? null)}::timestamptz[],
        ${col((c) => (typeof c.flag === "string" ? c.flag : "set"))}::text[],
        ${col((c) => (typeof c.flag === "object" ? c.flag.set : null))}::text[],
        ${col((c) => c.clearLastError)}::boolean[]
      ) AS v(id, from_state, to_state, upstream_status, remains, start_count, upstream_charge, upstream_currency,
             reset_failures, next_sync_at, finished_at, flag_mode, flag, clear_last_error)
    ),
    locked AS (SELECT id FROM "Order" WHERE id IN (SELECT id FROM v) ORDER BY id FOR UPDATE),
    moved AS (
      UPDATE "Order" o SET
        state = v.to_state::"OrderState",
        "upstreamStatus" = COALESCE(v.upstream_status, o."upstreamStatus"),
        remains = COALESCE(v.remains, o.remains),
        "startCount" = COALESCE(v.start_count, o."startCount"),
        "upstreamCharge" = COALESCE(v.upstream_charge, o."upstreamCharge"),
        "upstreamCurrency" = COALESCE(v.upstream_currency, o."upstreamCurrency"),
        "syncFailures" = CASE WHEN v.reset_failures THEN 0 ELSE o."syncFailures" END,
        "nextSyncAt" = COALESCE(v.next_sync_at, o."nextSyncAt"),
        "finishedAt" = COALESCE(v.finished_at, o."finishedAt"),
        flag = CASE v.flag_mode WHEN 'clear' THEN NULL WHEN 'set' THEN v.flag ELSE o.flag END,
        "lastError" = CASE WHEN v.clear_last_error THEN NULL ELSE o."lastError" END,
        "leaseUntil" = NULL,
        "leaseOwner" = NULL,
        "updatedAt" = now()
      FROM v
      WHERE o.id = v.id AND o.id IN (SELECT id FROM locked) AND o.state = v.from_state::"OrderState"
      RETURNING o.id
    ),
    events AS (
      INSERT INTO "OrderEvent" ("orderId", type, message)
      SELECT e.order_id, e.type, e.message
      FROM unnest(${events.map((e) => e.orderId)}::int[], ${events.map((e) => e.type)}::text[], ${events.map((e) => e.message.slice(0, 2000))}::text[])
        WITH ORDINALITY AS e(order_id, type, message, position)
      WHERE e.order_id IN (SELECT id FROM moved)
      ORDER BY e.position
      RETURNING 1
    ),
    ${refundCtes(refunds, "moved")}
    SELECT (SELECT array_agg(id) FROM moved) AS moved, (SELECT count(*)::int FROM credited) AS refunded, (SELECT count(*) FROM events) AS events`;
  const moved = new Set(result?.moved ?? []);
  const expected = refunds.filter((r) => moved.has(r.orderId));
  // The customers exist (foreign key), so every refund of a moved order has its entry.
  if (result.refunded !== expected.length) throw new Error(`settling wrote ${result.refunded} refund(s) for ${expected.length} expected`);
  const refundOf = new Map(expected.map((r) => [r.orderId, { kind: r.kind, amount: r.amount }]));
  return changes.filter((c) => moved.has(c.id)).map((c) => ({ id: c.id, refunded: refundOf.get(c.id) ?? null }));
}
