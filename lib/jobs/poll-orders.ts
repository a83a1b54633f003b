// Asking each provider about the claimed orders, in batches, and handing every answer to the
// order state machine. Failures only move nextSyncAt: a poll never moves money by itself.
import type { Db } from "@/lib/db/connection";
import { flagOrder, recordOrderEvent } from "@/lib/orders/order-events";
import { upstreamClientFor, loadProviderConnection } from "@/lib/providers/provider-client";
import { settleOrderStatus, type SettleOutcome } from "@/lib/orders/settle-order-status";
import { isDeliveredState, isOpenState } from "@/lib/orders/state-machine";
import { MAX_IDS_PER_REQUEST } from "@/lib/upstream/batches";
import type { UpstreamClient } from "@/lib/upstream/client";
import type { BatchItemError, OrderStatus, ProductOrderStatus } from "@/lib/upstream/types";
import { nextPollAt, retryAt } from "@/lib/util/backoff";
import type { ClaimedOrder } from "./claim-orders";
import { chunk, mapWithConcurrency } from "@/lib/util/concurrency";

export type PollTally = Record<SettleOutcome | "failed" | "results", number>;

export function emptyPollTally(): PollTally {
  return { unchanged: 0, progressed: 0, completed: 0, partial: 0, canceled: 0, flagged: 0, failed: 0, results: 0 };
}

type Batch = { client: UpstreamClient; kind: ClaimedOrder["kind"]; orders: ClaimedOrder[] };

export async function pollClaimedOrders(
  db: Db,
  claimed: ClaimedOrder[],
  options: { now: Date; concurrency: number; signal?: AbortSignal },
): Promise<PollTally> {
  const tally = emptyPollTally();
  const batches: Batch[] = [];
  for (const [providerId, orders] of groupBy(claimed, (o) => o.providerId)) {
    const provider = await loadProviderConnection(db, providerId);
    let client: UpstreamClient | null = null;
    try {
      client = provider?.enabled ? upstreamClientFor(provider) : null;
    } catch {
      client = null;
    }
    if (!client) {
      for (const order of orders) await recordPollFailure(db, order, options.now, "provider unavailable", "indeterminate");
      tally.failed += orders.length;
      continue;
    }
    for (const [kind, ofKind] of groupBy(orders, (o) => o.kind)) {
      for (const part of chunk(ofKind, MAX_IDS_PER_REQUEST)) batches.push({ client, kind, orders: part });
    }
  }
  await mapWithConcurrency(batches, options.concurrency, async (batch) => {
    if (options.signal?.aborted) return;
    const open = batch.orders.filter((o) => isOpenState(o.state));
    const ids = open.map((o) => o.upstreamOrderId);
    const answer = ids.length === 0 ? null : batch.kind === "service" ? await batch.client.statuses(ids) : await batch.client.productOrderStatuses(ids);
    for (const order of open) {
      if (options.signal?.aborted) return;
      const item: OrderStatus | ProductOrderStatus | BatchItemError | undefined = answer?.ok
        ? answer.value.get(order.upstreamOrderId)
        : { error: answer?.message ?? "no answer", kind: answer && !answer.ok ? answer.kind : "indeterminate" };
      if (!item || "error" in item) {
        await recordPollFailure(db, order, options.now, item?.error ?? "missing from the answer", item?.kind ?? "indeterminate");
        tally.failed++;
        continue;
      }
      // One order the database refuses to store must not stall the rest of the batch (and the
      // refunds behind it): it is recorded and retried later on its own.
      try {
        const outcome = await settleOrderStatus(db, order.id, { ...item, note: "note" in item ? item.note : null }, {
          now: options.now,
          nextSyncAt: nextPollAt(options.now, order.createdAt),
        });
        tally[outcome]++;
        if (batch.kind === "product" && (outcome === "completed" || outcome === "partial")) {
          if (await storeProductResults(db, batch.client, order, options.now)) tally.results++;
        }
      } catch (error) {
        await recordPollFailure(db, order, options.now, `could not apply the status: ${(error as Error).message}`, "indeterminate");
        tally.failed++;
      }
    }
    // Finished product orders whose results are still missing.
    for (const order of batch.orders.filter((o) => isDeliveredState(o.state))) {
      if (options.signal?.aborted) return;
      const stored = await storeProductResults(db, batch.client, order, options.now).catch(async (error: Error) => {
        await recordPollFailure(db, order, options.now, `could not store the results: ${error.message}`, "indeterminate");
        return false;
      });
      if (stored) tally.results++;
      else tally.failed++;
    }
  });
  return tally;
}

async function storeProductResults(db: Db, client: UpstreamClient, order: ClaimedOrder, now: Date): Promise<boolean> {
  const answer = await client.resultProduct(order.upstreamOrderId);
  if (!answer.ok) {
    await recordPollFailure(db, order, now, `result_product: ${answer.message}`, answer.kind);
    return false;
  }
  const stored = await db.order.updateMany({
    where: { id: order.id, resultsFetched: false },
    data: { resultLines: answer.value.map(withoutNul), resultsFetched: true, leaseUntil: null, leaseOwner: null },
  });
  if (stored.count) await recordOrderEvent(db, order.id, "results", `${answer.value.length} result line(s) stored`);
  return true;
}

async function recordPollFailure(db: Db, order: ClaimedOrder, now: Date, message: string, kind: "definite" | "indeterminate") {
  const failures = order.syncFailures + 1;
  await db.order.updateMany({
    where: { id: order.id },
    data: { syncFailures: failures, nextSyncAt: retryAt(now, failures), lastError: message.slice(0, 2000), leaseUntil: null, leaseOwner: null },
  });
  // "Incorrect order ID" for an order the upstream accepted is for staff, not for the money.
  if (kind === "definite") await flagOrder(db, order.id, `upstream refuses to report this order: ${message}`);
}

/** PostgreSQL text cannot hold NUL; an upstream may still send it. */
export function withoutNul(text: string): string {
  return text.replaceAll("\u0000", "");
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
