// The one function that changes Order.state after creation, and with it the money the move
// moves: `moveOrders`. One SQL statement (atomic on its own, or part of the caller's
// transaction) does, for a set of orders: a conditional UPDATE of each order (WHERE state IN
// from), checked against the transition table here and by the database trigger; the events of the
// orders that really moved; the refund the table gives the state they entered, computed from the
// row itself (expected-refund.ts) and written through the ledger's balance change
// (lib/ledger/balance-change.ts) with a "refund" event; and a "flag" event when a flag is new.
// An order whose state changed since the caller looked matches nothing: no event, no money. Rows are
// locked in id order (orders, then customers), so concurrent batches never deadlock; the
// one-refund-per-order index and the refund limit trigger stop anything that slips past.
// Creating an order (null → pending_submit, its debit) is lib/ledger/open-charged-order.ts.
// lib/ledger/one-writer.test.ts checks that nothing else in the source writes Order.state.
import type { Db } from "@/lib/db/connection";
import { Prisma } from "@/lib/db/generated/client";
import { balanceChangeCtes } from "@/lib/ledger/balance-change";
import { REFUND_KIND, refundAmountSql, type RefundKind } from "@/lib/ledger/expected-refund";
import type { Tx } from "@/lib/ledger/transaction";
import { Decimal } from "@/lib/money";
import type { OrderEventType } from "./order-events";
import { isListedTransition, moneyOnEntering, type OrderState, type TransitionActor } from "./state-machine";

/** Columns written with the move. Absent: kept as they are. */
export type OrderColumns = {
  upstreamOrderId?: string;
  submittedAt?: Date;
  upstreamStatus?: string;
  remains?: number;
  startCount?: bigint | number;
  upstreamCharge?: string;
  upstreamCurrency?: string;
  nextSyncAt?: Date;
  finishedAt?: Date;
  /** null clears it. */
  lastError?: string | null;
  /** A text sets it (with a "flag" event when it differs from the order's flag); null clears it. */
  flag?: string | null;
  /** syncFailures back to 0: the upstream answered. */
  resetFailures?: boolean;
  /** leaseUntil and leaseOwner cleared: whoever held the order is done with it. */
  releaseLease?: boolean;
};

export type OrderMove = {
  id: number;
  /** The states the order may be in; the move matches nothing otherwise. */
  from: OrderState | readonly OrderState[];
  /** One of `from` when only columns change (no transition, no money). */
  to: OrderState;
  set?: OrderColumns;
  /** Written when the move applies, before its refund and flag events. */
  events?: { type: OrderEventType; message: string }[];
};

export type MoveOptions = {
  by: TransitionActor;
  /** More conditions every order must meet at the update (e.g. `"upstreamOrderId" IS NULL`), on alias `o`. */
  where?: Prisma.Sql;
  /** Kept on the refunds' ledger rows (staff resolving an order). */
  refund?: { actorId?: number | null; reason?: string };
};

export type MovedOrder = { id: number; userId: number; from: OrderState; to: OrderState; refunded: { kind: RefundKind; amount: Decimal } | null };

const LENGTHS = { message: 2000, flag: 500, lastError: 2000, upstreamStatus: 200 } as const;

/** Moves the orders that are still in their `from` states; returns those that moved, in id order. */
export async function moveOrders(db: Db | Tx, options: MoveOptions, moves: OrderMove[]): Promise<MovedOrder[]> {
  if (moves.length === 0) return [];
  const rows = moves.map((move, index) => {
    const from = typeof move.from === "string" ? [move.from] : [...move.from];
    const changing = from.filter((state) => state !== move.to);
    const unlisted = changing.filter((state) => !isListedTransition(state, move.to, options.by));
    if (unlisted.length) throw new Error(`order transition ${unlisted.join("|")} → ${move.to} by ${options.by} is not in the transition table`);
    const effect = changing.length ? moneyOnEntering(move.to) : "none";
    if (effect === "partial_refund" && move.set?.remains === undefined) throw new Error(`order ${move.id}: ${move.to} needs remains to compute its refund`);
    const set = move.set ?? {};
    return {
      id: move.id,
      position: index,
      from_states: from,
      to_state: move.to,
      refund_effect: effect === "full_refund" || effect === "partial_refund" ? effect : null,
      refund_kind: effect === "none" || effect === "debit" ? null : REFUND_KIND[move.to],
      upstream_order_id: set.upstreamOrderId ?? null,
      submitted_at: set.submittedAt?.toISOString() ?? null,
      upstream_status: set.upstreamStatus?.slice(0, LENGTHS.upstreamStatus) ?? null,
      remains: set.remains ?? null,
      start_count: set.startCount === undefined ? null : String(set.startCount),
      upstream_charge: set.upstreamCharge ?? null,
      upstream_currency: set.upstreamCurrency ?? null,
      next_sync_at: set.nextSyncAt?.toISOString() ?? null,
      finished_at: set.finishedAt?.toISOString() ?? null,
      set_last_error: set.lastError !== undefined,
      last_error: set.lastError?.slice(0, LENGTHS.lastError) ?? null,
      set_flag: set.flag !== undefined,
      flag: set.flag?.slice(0, LENGTHS.flag) ?? null,
      reset_failures: set.resetFailures ?? false,
      release_lease: set.releaseLease ?? false,
    };
  });
  const events = moves.flatMap((move, index) =>
    (move.events ?? []).map((event, position) => ({ order_id: move.id, type: event.type, message: event.message.slice(0, LENGTHS.message), move: index, position })),
  );
  const ids = moves.map((move) => move.id);
  const refund = options.refund ?? {};
  // Each side of the statement travels as ONE JSON text parameter (not a dozen arrays of hundreds
  // of elements): serializing it is one native JSON.stringify, and PostgreSQL reads typed columns.
  const result = await db.$queryRaw<{ id: number; user_id: number; from_state: OrderState; to_state: OrderState; refund_kind: RefundKind | null; refunded: string | null }[]>`
    WITH v AS (
      SELECT * FROM json_to_recordset(${JSON.stringify(rows)}::json)
        AS v(id int, position int, from_states text[], to_state text, refund_effect text, refund_kind text, upstream_order_id text,
             submitted_at timestamptz, upstream_status text, remains int, start_count bigint, upstream_charge numeric, upstream_currency text,
             next_sync_at timestamptz, finished_at timestamptz, set_last_error boolean, last_error text, set_flag boolean, flag text,
             reset_failures boolean, release_lease boolean)
    ),
    -- The ids also as an array: an index condition the planner sees (the JSON rows' count it cannot).
    -- Locked first, in id order; the state and flag as they were before this statement.
    locked AS (SELECT id, state AS old_state, flag AS old_flag FROM "Order" WHERE id = ANY(${ids}::int[]) ORDER BY id FOR UPDATE),
    moved AS (
      UPDATE "Order" o SET
        state = v.to_state::"OrderState",
        -- The actor the state trigger checks a change of state against (and clears); left null when
        -- the state stays, so that column-only moves (most polls) do not run the trigger at all.
        "moveBy" = CASE WHEN o.state::text <> v.to_state THEN ${options.by} END,
        "upstreamOrderId" = COALESCE(v.upstream_order_id, o."upstreamOrderId"),
        "submittedAt" = COALESCE(v.submitted_at, o."submittedAt"),
        "upstreamStatus" = COALESCE(v.upstream_status, o."upstreamStatus"),
        remains = COALESCE(v.remains, o.remains),
        "startCount" = COALESCE(v.start_count, o."startCount"),
        "upstreamCharge" = COALESCE(v.upstream_charge, o."upstreamCharge"),
        "upstreamCurrency" = COALESCE(v.upstream_currency, o."upstreamCurrency"),
        "syncFailures" = CASE WHEN v.reset_failures THEN 0 ELSE o."syncFailures" END,
        "nextSyncAt" = COALESCE(v.next_sync_at, o."nextSyncAt"),
        "finishedAt" = COALESCE(v.finished_at, o."finishedAt"),
        flag = CASE WHEN v.set_flag THEN v.flag ELSE o.flag END,
        "lastError" = CASE WHEN v.set_last_error THEN v.last_error ELSE o."lastError" END,
        "leaseUntil" = CASE WHEN v.release_lease THEN NULL ELSE o."leaseUntil" END,
        "leaseOwner" = CASE WHEN v.release_lease THEN NULL ELSE o."leaseOwner" END,
        "updatedAt" = now()
      FROM v, locked l
      WHERE o.id = ANY(${ids}::int[]) AND o.id = v.id AND l.id = o.id AND o.state::text = ANY(v.from_states)
        ${options.where ? Prisma.sql`AND ${options.where}` : Prisma.empty}
      RETURNING o.id, o."userId" AS user_id, l.old_state::text AS from_state, o.state::text AS to_state, l.old_flag,
        o.charge, o.quantity, o.remains, v.position, v.refund_kind, v.refund_effect, v.set_flag, v.flag
    ),
    refunds AS (
      SELECT m.*, ${refundAmountSql(Prisma.sql`m.refund_effect`, Prisma.sql`m.charge`, Prisma.sql`m.quantity`, Prisma.sql`m.remains`)} AS amount
      FROM moved m WHERE m.refund_kind IS NOT NULL AND m.from_state <> m.to_state
    ),
    ${balanceChangeCtes(Prisma.sql`
      SELECT user_id, refund_kind AS kind, amount, id AS order_id, NULL::int AS payment_id, NULL::int AS reversal_id, NULL::int AS affiliate_payout_id, ${refund.actorId ?? null}::int AS actor_id,
             ${refund.reason ?? null}::text AS reason, position::bigint AS position
      FROM refunds`)},
    written_events AS (
      INSERT INTO "OrderEvent" ("orderId", type, message)
      SELECT order_id, type, message FROM (
        SELECT e.order_id, e.type, e.message, e.move, 0 AS part, e.position
        FROM json_to_recordset(${JSON.stringify(events)}::json) AS e(order_id int, type text, message text, move int, position int)
        WHERE e.order_id IN (SELECT id FROM moved)
        UNION ALL
        SELECT r.id, 'refund', r.refund_kind || ' ' || r.amount::numeric(20, 6)::text, r.position, 1, 0 FROM refunds r
        UNION ALL
        SELECT m.id, 'flag', m.flag, m.position, 2, 0 FROM moved m WHERE m.set_flag AND m.flag IS NOT NULL AND m.flag IS DISTINCT FROM m.old_flag
      ) all_events
      ORDER BY move, part, position
      RETURNING 1
    )
    SELECT m.id, m.user_id, m.from_state, m.to_state, r.refund_kind, r.amount::numeric(20, 6)::text AS refunded
    FROM moved m LEFT JOIN refunds r ON r.id = m.id
    -- A refund its balance change skipped would leave a state without its money: the whole
    -- statement fails instead (money_assert raises; the migration defines it).
    WHERE money_assert((SELECT count(*) FROM refunds) = (SELECT count(*) FROM balance_entries), 'a refund of these orders was not written')
    ORDER BY m.id`;
  return result.map((row) => ({
    id: row.id,
    userId: row.user_id,
    from: row.from_state,
    to: row.to_state,
    refunded: row.refund_kind && row.refunded !== null ? { kind: row.refund_kind, amount: new Decimal(row.refunded) } : null,
  }));
}
