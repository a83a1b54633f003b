// One pass of the background worker: finish interrupted submissions, poll due orders, follow
// refills, reconcile unknown orders (lib/reconcile, on a per-provider lease). Passes may run side by side (several workers, or a CLI pass next to the loop):
// leases keep them off each other's orders and every money move is a conditional update.
import os from "node:os";
import crypto from "node:crypto";
import type { Db } from "@/lib/db/connection";
import type { SubmitOutcome } from "@/lib/orders/submit-order";
import { keepLeaseAlive, submitGraceMs, submitLeaseMs } from "@/lib/orders/submission-lease";
import { syncDueRefills, type RefillTally } from "@/lib/refills/sync-refills";
import { config } from "@/lib/config";
import { emptyReconcileReport, reconcileUnknownOrders, type ReconcileReport } from "@/lib/reconcile/reconcile-unknown-orders";
import { claimDueOrders, renewClaims } from "./claim-orders";
import { expireStaleSubmissions, submitNeverSentOrders } from "./pending-submissions";
import { emptyPollTally, pollDueOrders, type PollTally } from "./poll-orders";

export type SyncPassOptions = {
  /** Who holds the leases, for staff reading the table; unique per worker. */
  owner?: string;
  /** Most orders claimed for polling in one pass (default 2,000, claimed and polled in chunks). */
  limit?: number;
  /** Most upstream requests (batches) in flight at once. */
  concurrency?: number;
  /** The scheduling clock: which polls are due. Submission waits always use the wall clock. */
  now?: Date;
  /** How long a claim keeps other passes off an order; renewed while the pass runs (WORKER_LEASE_SECONDS). */
  leaseMs?: number;
  /** A charged order not yet sent is left to its own request for this long before the worker sends it (SUBMIT_GRACE_SECONDS). */
  submitGraceMs?: number;
  /** A sent order with no recorded answer becomes `unknown` once its sender's lease is this old (SUBMIT_LEASE_SECONDS). */
  submitLeaseMs?: number;
  /** Only these providers' orders (a worker per provider; tests sharing a database). */
  providerIds?: number[];
  /** Stops between steps (graceful shutdown); leases left behind simply expire. */
  signal?: AbortSignal;
};

export type SyncPassReport = {
  expiredSubmissions: number;
  submitted: Record<SubmitOutcome, number>;
  claimed: number;
  polled: PollTally;
  refills: RefillTally;
  reconciled: ReconcileReport;
  /** A step stopped at its limit, so more work is probably due now: the loop runs again without pausing. */
  moreDue: boolean;
};

/** A poll claim's lease; the pass renews it every third while it runs, so a dead pass costs this long. */
export function workerLeaseMs(): number {
  return config().WORKER_LEASE_SECONDS * 1000;
}

/**
 * Refill claims are not renewed, so they must outlast the slowest poll they cover (each read
 * tries up to three times, with the provider's timeout). Refills move no money; this only keeps
 * statuses from being applied out of order.
 */
async function refillLeaseMs(db: Db): Promise<number> {
  const slowest = await db.provider.aggregate({ where: { enabled: true }, _max: { timeoutMs: true } });
  return Math.max(5 * 60_000, 10 * (slowest._max.timeoutMs ?? 0));
}

/**
 * Orders a pass claims at most. Large, so that a backlog is worked through in few passes (each
 * pass has a fixed cost); claims are taken in chunks as polling goes, and leases are renewed.
 */
const DEFAULT_PASS_LIMIT = 2_000;

/** A refill request with no recorded answer after this long becomes `unknown` (nothing to send twice: refills cost nothing). */
const REFILL_REQUEST_LEASE_MS = 10 * 60_000;

export function workerOwner(): string {
  return `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString("hex")}`;
}

export async function runSyncPass(db: Db, options: SyncPassOptions = {}): Promise<SyncPassReport> {
  const now = options.now ?? new Date();
  const limit = options.limit ?? DEFAULT_PASS_LIMIT;
  const concurrency = options.concurrency ?? 4;
  const leaseMs = options.leaseMs ?? workerLeaseMs();
  const owner = options.owner ?? workerOwner();
  const report: SyncPassReport = {
    expiredSubmissions: 0,
    submitted: { placed: 0, failed: 0, unknown: 0, "not-sent": 0 },
    claimed: 0,
    polled: emptyPollTally(),
    refills: { claimed: 0, changed: 0, failed: 0, expired: 0 },
    reconciled: emptyReconcileReport(),
    moreDue: false,
  };
  const stopped = () => options.signal?.aborted ?? false;

  const { providerIds } = options;
  report.expiredSubmissions = await expireStaleSubmissions(db, { submitLeaseMs: options.submitLeaseMs ?? submitLeaseMs(), providerIds });
  if (stopped()) return report;
  report.submitted = await submitNeverSentOrders(db, { submitGraceMs: options.submitGraceMs ?? submitGraceMs(), limit, concurrency, providerIds });
  if (stopped()) return report;

  // Refills are followed side by side with the order polls: they share nothing.
  const refills = syncDueRefills(db, {
    now,
    leaseMs: options.leaseMs ?? (await refillLeaseMs(db)),
    submitLeaseMs: REFILL_REQUEST_LEASE_MS,
    limit,
    concurrency,
    providerIds,
  }).then(
    (tally) => ({ tally }),
    (error: unknown) => ({ error }),
  );
  // Leases are on the pass's scheduling clock (`now`), which moves on with the wall clock.
  const started = Date.now();
  const claimedIds: number[] = [];
  const claimNext = async (chunk: number) => {
    const claimed = await claimDueOrders(db, { owner, now, leaseMs, limit: chunk, providerIds });
    for (const order of claimed) claimedIds.push(order.id);
    return claimed;
  };
  const stopRenewing = keepLeaseAlive(leaseMs, () => renewClaims(db, owner, claimedIds, new Date(now.getTime() + (Date.now() - started) + leaseMs)));
  try {
    const polled = await pollDueOrders(db, claimNext, { now, concurrency, limit, signal: options.signal });
    report.claimed = polled.claimed;
    report.polled = polled.tally;
  } finally {
    stopRenewing();
  }
  const followed = await refills;
  if ("error" in followed) throw followed.error;
  report.refills = followed.tally;
  if (stopped()) return report;
  report.reconciled = await reconcileUnknownOrders(db, { now, owner, providerIds, leaseMs, signal: options.signal });
  const sent = Object.values(report.submitted).reduce((sum, n) => sum + n, 0);
  report.moreDue = report.claimed >= limit || sent >= limit || report.refills.claimed >= limit;
  return report;
}

/** One line per kind of change, for the CLI and the worker's log. */
export function describeSyncPass(report: SyncPassReport): string[] {
  const lines: string[] = [];
  const add = (count: number, text: string) => count > 0 && lines.push(`${count} ${text}`);
  add(report.expiredSubmissions, "unanswered submission(s) turned unknown");
  add(report.submitted.placed, "interrupted order(s) submitted");
  add(report.submitted.failed, "interrupted order(s) refused upstream and refunded");
  add(report.submitted.unknown, "interrupted order(s) with a lost answer (unknown)");
  add(report.claimed, "order(s) polled");
  add(report.polled.progressed, "order(s) progressed");
  add(report.polled.completed, "order(s) completed");
  add(report.polled.partial, "order(s) partial, remains refunded");
  add(report.polled.canceled, "order(s) canceled, refunded");
  add(report.polled.flagged, "order(s) flagged for staff");
  add(report.polled.results, "product order result(s) stored");
  add(report.polled.failed, "poll(s) failed, retried later");
  add(report.refills.claimed, "refill(s) polled");
  add(report.refills.changed, "refill(s) changed state");
  add(report.refills.expired, "unanswered refill request(s) turned unknown");
  const reconciled = (outcome: string) => report.reconciled.orders.filter((o) => o.outcome === outcome).length;
  add(reconciled("placed"), "unknown order(s) found upstream by the reconciler (pending)");
  add(reconciled("not_placed"), "unknown order(s) not placed upstream, failed and refunded by the reconciler");
  add(reconciled("left_for_staff"), "unknown order(s) left for staff by the reconciler");
  add(report.reconciled.orphans, "unclaimed upstream order(s) recorded as orphans");
  return lines;
}
