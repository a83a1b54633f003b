// Settles `unknown` orders (an add whose answer was lost) from the provider's own records, without
// staff. `status` answers only for orders made with our key, and upstream ids grow: so an unclaimed
// id in an order's window (./windows.ts) that answers is an order of our key. One unclaimed id whose
// charge fits → the order is pending with it; a closed window, fully probed, with nothing of ours,
// RECONCILE_NOT_PLACED_AFTER_SECONDS after the add left → failed and refunded. Anything less than
// complete, consistent evidence leaves the order alone, with the reason in its flag (./match.ts).
// Every move is moveOrders by "reconciler" (the one road: a refund happens once, a race is lost
// harmlessly) with a "resolved" event stating the evidence. One worker at a time works a provider:
// it holds the provider's reconcile lease (like a poll claim: renewed while it runs, expiring if
// it dies).
import type { Db } from "@/lib/db/connection";
import { Prisma } from "@/lib/db/generated/client";
import type { OrderKind } from "@/lib/db/generated/enums";
import { isUniqueViolation } from "@/lib/db/errors";
import { config } from "@/lib/config";
import { Decimal, LEDGER_SCALE } from "@/lib/money";
import { moveOrders } from "@/lib/orders/move-orders";
import { flagOrder } from "@/lib/orders/order-events";
import { keepLeaseAlive } from "@/lib/orders/submission-lease";
import { loadProviderConnection, upstreamClientFor } from "@/lib/providers/provider-client";
import { chargeFits, inWindow, judgeWindows, type ProbeAnswer, type Verdict, type WindowedOrder } from "./match";
import { probeIds } from "./probe";
import { claimedIdsBetween, highestClaimedId, loadUnknownOrders, type UnknownOrderRow } from "./windows";

/** An unresolved order is looked at again after this long (the evidence may have changed). */
const RETRY_MS = 5 * 60_000;
/** Ids just below every window that no order of ours can hold, asked first to catch a provider that ignores the key. */
const CONTROL_IDS = 5;
const CONTROL_SPAN = 1_000n;
/** Far above anything of ours: no panel answers it for our key. */
const CANARY_OFFSET = 1_000_000_000n;

export type ReconcileOutcome = "placed" | "not_placed" | "left_for_staff" | "waiting" | "lost_race";
export type OrderReconciliation = { orderId: number; providerId: number; outcome: ReconcileOutcome; evidence: string };
export type ReconcileReport = {
  providers: number;
  /** Providers another worker was reconciling (their lease held). */
  leased: number;
  calls: number;
  probedIds: number;
  orphans: number;
  orders: OrderReconciliation[];
};

export type ReconcileOptions = {
  /** The scheduling clock: which orders are due, and how old their adds are. */
  now?: Date;
  owner?: string;
  providerIds?: number[];
  /** Only these orders (the CLI), due or not. */
  orderIds?: number[];
  leaseMs?: number;
  signal?: AbortSignal;
};

export function emptyReconcileReport(): ReconcileReport {
  return { providers: 0, leased: 0, calls: 0, probedIds: 0, orphans: 0, orders: [] };
}

export async function reconcileUnknownOrders(db: Db, options: ReconcileOptions = {}): Promise<ReconcileReport> {
  const now = options.now ?? new Date();
  const report = emptyReconcileReport();
  const due = await db.order.findMany({
    where: {
      state: "unknown",
      upstreamOrderId: null,
      submitStartedAt: { not: null },
      ...(options.orderIds ? { id: { in: options.orderIds } } : { nextSyncAt: { lte: now } }),
      ...(options.providerIds ? { providerId: { in: options.providerIds } } : {}),
    },
    select: { id: true, providerId: true, kind: true },
  });
  const byProvider = new Map<number, Map<OrderKind, Set<number>>>();
  for (const order of due) {
    const kinds = byProvider.get(order.providerId) ?? new Map<OrderKind, Set<number>>();
    kinds.set(order.kind, (kinds.get(order.kind) ?? new Set()).add(order.id));
    byProvider.set(order.providerId, kinds);
  }
  const owner = options.owner ?? `reconciler:${process.pid}`;
  const leaseMs = options.leaseMs ?? config().WORKER_LEASE_SECONDS * 1000;
  for (const [providerId, kinds] of byProvider) {
    if (options.signal?.aborted) break;
    if (!(await claimProvider(db, providerId, owner, leaseMs))) {
      report.leased += 1;
      continue;
    }
    report.providers += 1;
    const stopRenewing = keepLeaseAlive(leaseMs, () => claimProvider(db, providerId, owner, leaseMs));
    try {
      for (const [kind, dueIds] of kinds) await reconcileProviderKind(db, providerId, kind, dueIds, now, report);
    } finally {
      stopRenewing();
      await db.$executeRaw`UPDATE "Provider" SET "reconcileLeaseUntil" = NULL, "reconcileLeaseOwner" = NULL WHERE id = ${providerId} AND "reconcileLeaseOwner" = ${owner}`;
    }
  }
  return report;
}

/** Takes (or renews, for its holder) the provider's reconcile lease, on the database's clock. */
async function claimProvider(db: Db, providerId: number, owner: string, leaseMs: number): Promise<boolean> {
  const claimed = await db.$executeRaw`
    UPDATE "Provider" SET "reconcileLeaseUntil" = now() + ${leaseMs} * interval '1 millisecond', "reconcileLeaseOwner" = ${owner}
    WHERE id = ${providerId} AND ("reconcileLeaseUntil" IS NULL OR "reconcileLeaseUntil" < now() OR "reconcileLeaseOwner" = ${owner})`;
  return claimed === 1;
}

type Window = WindowedOrder & { row: UnknownOrderRow; probeIds: bigint[] };

async function reconcileProviderKind(db: Db, providerId: number, kind: OrderKind, dueIds: Set<number>, now: Date, report: ReconcileReport) {
  const provider = await loadProviderConnection(db, providerId);
  if (!provider || !provider.enabled) return;
  const settings = config();
  const rows = await loadUnknownOrders(db, providerId, kind, provider.timeoutMs + settings.RECONCILE_IN_FLIGHT_SECONDS * 1000);
  if (!rows.some((r) => dueIds.has(r.id))) return;
  const cap = settings.RECONCILE_MAX_PROBE_IDS;
  const exchangeRate = new Decimal(provider.exchangeRate.toString());

  // The windows, and the unclaimed ids in each (nearest the lower neighbour first; from the top without one).
  // Claimed ids from below every lower neighbour (the control ids come from there) to the highest upper one.
  const bounded = rows.filter((r) => r.upper !== null && r.lower !== null);
  const lowest = rows.reduce<bigint | null>((min, r) => (r.lower !== null && (min === null || r.lower < min) ? r.lower : min), null);
  const highest = bounded.reduce((max, r) => (r.upper! > max ? r.upper! : max), 0n);
  const claimed = lowest === null || bounded.length === 0 ? new Set<bigint>() : await claimedIdsBetween(db, providerId, lowest - CONTROL_SPAN, highest);
  const orphanIds = new Set((await db.upstreamOrphan.findMany({ where: { providerId }, select: { upstreamOrderId: true } })).map((o) => o.upstreamOrderId));
  const windows: Window[] = rows.map((row) => windowOf(row, claimed, cap, now, exchangeRate));

  // Only the due orders' windows are probed. An order not due takes part as a rival (a candidate
  // that would fit it is nobody's), never as a winner: its own evidence was not gathered now.
  for (const w of windows) if (!dueIds.has(w.orderId) && w.upper !== null && w.incomplete === null) w.incomplete = "probe failed: not looked at in this pass";
  let probe: Awaited<ReturnType<typeof probeIds>> | null = null;
  const wanted = [...new Set(windows.flatMap((w) => (dueIds.has(w.orderId) ? w.probeIds : [])))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (wanted.length) {
    const client = upstreamClientFor(provider);
    // Our own neighbours of the windows probed must answer: at most a few, nearest first.
    const ours = [...new Set(windows.filter((w) => dueIds.has(w.orderId) && w.probeIds.length).flatMap((w) => [w.lower!, w.upper!]))].slice(0, CONTROL_IDS);
    probe = await probeIds(client, kind, wanted, { notOurs: await controlIds(db, providerId, rows, claimed, orphanIds), ours });
    report.calls += probe.calls;
    report.probedIds += probe.answered.size + probe.absent.size;
    for (const w of windows) {
      w.probed = w.probeIds.filter((id) => probe!.answered.has(id) || probe!.absent.has(id)).length;
      if (w.incomplete === null && w.probed < w.probeIds.length) w.incomplete = probe.failure ?? "probe failed: not every id was answered";
    }
  }
  const answers = probe ? [...probe.answered.values()] : [];
  const verdicts = judgeWindows(windows, answers, {
    exchangeRate,
    notPlacedAfterMs: settings.RECONCILE_NOT_PLACED_AFTER_SECONDS * 1000,
    brokenProvider: probe?.broken ?? null,
  });

  const placedIds = new Set(verdicts.flatMap((v) => (v.kind === "placed" ? [v.upstreamId] : [])));
  for (const [index, verdict] of verdicts.entries()) {
    const w = windows[index];
    if (!dueIds.has(w.orderId)) continue;
    const evidence = describeEvidence(w, answers, verdict, probe?.calls ?? 0);
    const outcome = await applyVerdict(db, w, verdict, evidence, now);
    report.orders.push({ orderId: w.orderId, providerId, outcome, evidence });
  }

  // Orphans: unclaimed orders of our key that no unknown order could be, kept for staff with their cost.
  if (probe && !probe.broken) {
    const stillUnknown = windows.filter((_, i) => verdicts[i].kind === "left");
    const orphans = answers.filter((a) => !placedIds.has(a.id) && !stillUnknown.some((w) => inWindow(w, a.id) && chargeFits(w, a, exchangeRate)));
    if (orphans.length) {
      const written = await db.upstreamOrphan.createMany({
        data: orphans.map((a) => ({
          providerId,
          kind,
          upstreamOrderId: a.id.toString(),
          upstreamStatus: a.status.slice(0, 200),
          upstreamCharge: a.charge?.toFixed() ?? null,
          cost: a.charge ? a.charge.times(exchangeRate).toDecimalPlaces(LEDGER_SCALE, Decimal.ROUND_HALF_UP).toFixed() : null,
          note: `answered our key; no order of ours claims it and no unknown order's charge fits (windows of orders ${windows.filter((w) => inWindow(w, a.id)).map((w) => `#${w.orderId}`).join(", ") || "none"})`,
        })),
        skipDuplicates: true,
      });
      report.orphans += written.count;
    }
  }
}

function windowOf(row: UnknownOrderRow, claimed: Set<bigint>, cap: number, now: Date, exchangeRate: Decimal): Window {
  const base = {
    row,
    orderId: row.id,
    quantity: row.quantity,
    // What the order cost at placement, back in the provider's currency.
    expectedCharge: row.upstreamCost === null || exchangeRate.isZero() ? null : row.upstreamCost.dividedBy(exchangeRate),
    lower: row.lower,
    upper: row.upper,
    unclaimed: 0n,
    probed: 0,
    incomplete: null as string | null,
    inFlightNeighbour: row.inFlightNeighbour,
    ageMs: now.getTime() - row.submitStartedAt.getTime(),
    probeIds: [] as bigint[],
  };
  if (row.upper === null) return base;
  // Without a lower neighbour no probe can be complete, and nothing will bound it later: not probed.
  if (row.lower === null) return { ...base, incomplete: "no order of ours was answered on this provider before its add left: its id window has no lower bound" };
  let claimedInside = 0n;
  for (const id of claimed) if (id > row.lower && id < row.upper) claimedInside += 1n;
  base.unclaimed = row.upper - row.lower - 1n - claimedInside;
  for (let id = row.lower + 1n; id < row.upper && base.probeIds.length < cap; id++) if (!claimed.has(id)) base.probeIds.push(id);
  if (base.unclaimed > BigInt(base.probeIds.length)) base.incomplete = `the window holds ${base.unclaimed} unclaimed ids, more than RECONCILE_MAX_PROBE_IDS (${cap})`;
  return base;
}

/**
 * Ids no order of ours can hold: unclaimed ids just below every unknown order's window (each
 * unknown order's id lies above its lower neighbour), and one far above everything. Without a
 * lower neighbour for some unknown order, only the far one.
 */
async function controlIds(db: Db, providerId: number, rows: UnknownOrderRow[], claimed: Set<bigint>, orphanIds: Set<string>): Promise<bigint[]> {
  const ids: bigint[] = [];
  const highest = await highestClaimedId(db, providerId);
  if (highest !== null && highest + CANARY_OFFSET < 10n ** 15n) ids.push(highest + CANARY_OFFSET);
  if (rows.some((r) => r.lower === null)) return ids;
  const floor = rows.reduce((min, r) => (r.lower! < min ? r.lower! : min), rows[0].lower!);
  for (let id = floor - 1n; id > floor - CONTROL_SPAN && id > 0n && ids.length <= CONTROL_IDS; id--) {
    if (!claimed.has(id) && !orphanIds.has(id.toString())) ids.push(id);
  }
  return ids;
}

function describeAnswer(a: ProbeAnswer): string {
  return `${a.id} (${a.status}, charge ${a.charge?.toFixed() ?? "none"}${a.remains !== null ? `, remains ${a.remains}` : ""})`;
}

function describeEvidence(w: Window, answers: ProbeAnswer[], verdict: Verdict, calls: number): string {
  const bound = (id: bigint | null, order: number | null, none: string) => (id === null ? none : `${id} (order #${order})`);
  const found = answers.filter((a) => inWindow(w, a.id));
  const parts = [
    `window (${bound(w.lower, w.row.lowerOrderId, "no lower neighbour")}, ${bound(w.upper, w.row.upperOrderId, "open")})`,
    `${w.probed} of ${w.unclaimed} unclaimed ids probed${w.probeIds.length ? ` (${w.probeIds[0]}…${w.probeIds.at(-1)}, ${calls} call(s) for the provider)` : ""}`,
    `expected charge ${w.expectedCharge?.toFixed() ?? "unknown"}`,
    `answering unclaimed: ${found.length ? found.slice(0, 10).map(describeAnswer).join(", ") : "none"}`,
  ];
  if (verdict.kind === "placed") parts.push(`match: ${verdict.upstreamId}, the only one whose charge fits`);
  else if (verdict.kind === "not_placed") parts.push("match: none; the window is closed and holds nothing of ours");
  else parts.push(`${verdict.candidates.length ? `candidates: ${verdict.candidates.join(", ")}; ` : ""}left: ${verdict.reason}`);
  return parts.join("; ");
}

async function applyVerdict(db: Db, w: Window, verdict: Verdict, evidence: string, now: Date): Promise<ReconcileOutcome> {
  const undecided = { by: "reconciler", where: Prisma.sql`o."upstreamOrderId" IS NULL` } as const;
  const wall = new Date();
  if (verdict.kind === "placed") {
    const upstreamId = verdict.upstreamId.toString();
    try {
      const moved = await moveOrders(db, undecided, [{
        id: w.orderId,
        from: "unknown",
        to: "pending",
        set: { upstreamOrderId: upstreamId, submittedAt: wall, nextSyncAt: wall, flag: null, lastError: null },
        events: [{ type: "resolved", message: `reconciler: placed upstream as ${upstreamId}; ${evidence}` }],
      }]);
      return moved.length ? "placed" : "lost_race";
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      await flagOrder(db, w.orderId, `reconciler: upstream order ${upstreamId} fits but another order of ours already follows it: staff must check`);
      return "left_for_staff";
    }
  }
  if (verdict.kind === "not_placed") {
    const moved = await moveOrders(db, { ...undecided, refund: { reason: "reconciler: not placed upstream" } }, [{
      id: w.orderId,
      from: "unknown",
      to: "failed",
      set: { finishedAt: wall, flag: null },
      events: [{ type: "resolved", message: `reconciler: not placed upstream; charge refunded; ${evidence}` }],
    }]);
    return moved.length ? "not_placed" : "lost_race";
  }
  // Only what needs a person changes the flag; waiting keeps the flag the lost answer set (which already asks staff).
  if (verdict.staff && verdict.flag) await flagOrder(db, w.orderId, `reconciler: ${verdict.reason}`);
  await db.order.updateMany({
    where: { id: w.orderId, state: "unknown" },
    data: { reconcileCandidates: verdict.candidates.map(String), nextSyncAt: new Date(now.getTime() + RETRY_MS) },
  });
  return verdict.staff ? "left_for_staff" : "waiting";
}
