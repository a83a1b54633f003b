// Following refills to the end: claim due ones with a lease, ask each provider in ≤100-id
// batches, record the status through moveRefills (./refill-states.ts is their table). Refills move
// no money, so an odd answer is only recorded.
import type { Db } from "@/lib/db/connection";
import { Prisma } from "@/lib/db/generated/client";
import { onlyProviders } from "@/lib/util/provider-filter";
import type { RefillState } from "@/lib/db/generated/enums";
import { loadProviderConnection, upstreamClientFor } from "@/lib/providers/provider-client";
import { MAX_IDS_PER_REQUEST } from "@/lib/upstream/batches";
import { nextPollAt, retryAt } from "@/lib/util/backoff";
import { chunk, mapWithConcurrency } from "@/lib/util/concurrency";
import { moveRefills } from "./move-refills";
import { POLLED_REFILL_STATES } from "./refill-states";

export type RefillTally = { claimed: number; changed: number; failed: number; expired: number };

type ClaimedRefill = { id: number; upstreamRefillId: string; providerId: number; state: RefillState; createdAt: Date };

export async function syncDueRefills(
  db: Db,
  options: { now: Date; leaseMs: number; submitLeaseMs: number; limit: number; concurrency: number; providerIds?: number[] },
): Promise<RefillTally> {
  const { now } = options;
  // A refill whose request was never answered: the provider may have it; staff can check.
  // (Wall clock: this waits for a real process, not for the schedule.)
  const expired = await moveRefills(db, {
    where: {
      createdAt: { lt: new Date(Date.now() - options.submitLeaseMs) },
      ...(options.providerIds ? { order: { providerId: { in: options.providerIds } } } : {}),
    },
    from: "pending_submit",
    to: "unknown",
    by: "expiry",
    data: { lastError: "no answer recorded for the refill request" },
  });
  const leaseUntil = new Date(now.getTime() + options.leaseMs);
  const claimed = await db.$queryRaw<ClaimedRefill[]>`
    UPDATE "Refill" r SET "leaseUntil" = ${leaseUntil}
    FROM "Order" o
    WHERE o.id = r."orderId" AND r.id IN (
      SELECT rr.id FROM "Refill" rr JOIN "Order" ro ON ro.id = rr."orderId"
      WHERE rr.state IN ('pending', 'in_progress') AND rr."upstreamRefillId" IS NOT NULL
        AND rr."nextSyncAt" <= ${now} AND (rr."leaseUntil" IS NULL OR rr."leaseUntil" < ${now})
        ${onlyProviders(options.providerIds, Prisma.raw('ro."providerId"'))}
      ORDER BY rr."nextSyncAt" LIMIT ${options.limit}
      FOR UPDATE OF rr SKIP LOCKED)
    RETURNING r.id, r."upstreamRefillId", o."providerId", r.state, r."createdAt"`;
  const tally: RefillTally = { claimed: claimed.length, changed: 0, failed: 0, expired };

  const byProvider = new Map<number, ClaimedRefill[]>();
  for (const refill of claimed) {
    const group = byProvider.get(refill.providerId);
    if (group) group.push(refill);
    else byProvider.set(refill.providerId, [refill]);
  }
  const batches: { providerId: number; refills: ClaimedRefill[] }[] = [];
  for (const [providerId, refills] of byProvider) for (const part of chunk(refills, MAX_IDS_PER_REQUEST)) batches.push({ providerId, refills: part });

  await mapWithConcurrency(batches, options.concurrency, async ({ providerId, refills }) => {
    const provider = await loadProviderConnection(db, providerId);
    let answer;
    try {
      answer = provider?.enabled ? await upstreamClientFor(provider).refillStatuses(refills.map((r) => r.upstreamRefillId)) : null;
    } catch {
      answer = null;
    }
    const items = new Map(answer?.ok ? answer.value.map((item) => [item.refill, item]) : []);
    for (const refill of refills) {
      const item = items.get(refill.upstreamRefillId);
      if (!item || "error" in item) {
        tally.failed++;
        await db.refill.update({
          where: { id: refill.id },
          data: { lastError: (item && "error" in item ? item.error : answer && !answer.ok ? answer.message : "no answer").slice(0, 2000), nextSyncAt: retryAt(now, 3), leaseUntil: null },
        });
        continue;
      }
      const state: RefillState = item.statusClass === "unknown" ? refill.state : item.statusClass;
      if (state !== refill.state) tally.changed++;
      await moveRefills(db, {
        where: { id: refill.id },
        // An unknown status keeps the state: only a refill still in it gets the columns.
        from: item.statusClass === "unknown" ? refill.state : POLLED_REFILL_STATES,
        to: state,
        by: "worker",
        data: {
          upstreamStatus: item.status.slice(0, 200),
          lastError: item.statusClass === "unknown" ? `unknown refill status "${item.status}"` : null,
          nextSyncAt: nextPollAt(now, refill.createdAt),
          leaseUntil: null,
        },
      });
    }
  });
  return tally;
}
