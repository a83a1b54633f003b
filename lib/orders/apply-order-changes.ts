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
  // Each side of the statement travels as ONE JSON text parameter (not fourteen arrays of
  // hundreds of elements): serializing it is one native JSON.stringify instead of per-element
  // work in the client and the driver. PostgreSQL reads the same typed columns from it.
  const rows = changes.map((c) => ({
    id: c.id,
    from_state: c.from,
    to_state: c.to,
    upstream_status: c.upstreamStatus,
    remains: c.remains,
    start_count: c.startCount === null ? null : String(c.startCount),
    upstream_charge: c.upstreamCharge,
    upstream_currency: c.upstreamCurrency,
    reset_failures: c.resetFailures,
    next_sync_at: c.nextSyncAt?.toISOString() ?? null,
    finished_at: c.finishedAt?.toISOString() ?? null,
    flag_mode: typeof c.flag === "string" ? c.flag : "set",
    flag: typeof c.flag === "object" ? c.flag.set : null,
    clear_last_error: c.clearLastError,
  }));
  const ids = changes.map((c) => c.id);
  const eventRows = events.map((e, position) => ({ order_id: e.orderId, type: e.type, message: e.message.slice(0, 2000), position }));
  const [result] = await db.$queryRaw<{ moved: number[] | null; refunded: number }[]>`
    WITH v AS (
      SELECT * FROM json_to_recordset(${JSON.stringify(rows)}::json)
        AS v(id int, from_state text, to_state text, upstream_status text, remains int, start_count bigint, upstream_charge numeric,
             upstream_currency text, reset_failures boolean, next_sync_at timestamptz, finished_at timestamptz, flag_mode text, flag text,
             clear_last_error boolean)
    ),
    -- The ids also as an array: an index condition the planner sees (the JSON rows' count it cannot).
    locked AS (SELECT id FROM "Order" WHERE id = ANY(${ids}::int[]) ORDER BY id FOR UPDATE),
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
      WHERE o.id = ANY(${ids}::int[]) AND o.id = v.id AND o.id IN (SELECT id FROM locked) AND o.state = v.from_state::"OrderState"
      RETURNING o.id
    ),
    events AS (
      INSERT INTO "OrderEvent" ("orderId", type, message)
      SELECT e.order_id, e.type, e.message
      FROM json_to_recordset(${JSON.stringify(eventRows)}::json) AS e(order_id int, type text, message text, position int)
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
