// Asking each provider about the claimed orders, in batches of ≤100, and handing each batch's
// answers to the order state machine in one set-based transaction. Upstream requests and
// database settling are limited separately, so while one batch is being settled the next
// requests are already out: the pass runs at the upstream's pace, not at upstream + database.
// Failures only move nextSyncAt: a poll never moves money by itself.
import type { Db } from "@/lib/db/connection";
import { flagOrder, recordOrderEvent } from "@/lib/orders/order-events";
import { upstreamClientFor, loadProviderConnection } from "@/lib/providers/provider-client";
import { settleOrderStatuses, type SettleOutcome, type StatusToSettle } from "@/lib/orders/settle-order-status";
import { isDeliveredState, isOpenState } from "@/lib/orders/state-machine";
import { MAX_IDS_PER_REQUEST } from "@/lib/upstream/batches";
import type { UpstreamClient } from "@/lib/upstream/client";
import type { BatchItemError, OrderStatus, ProductOrderStatus, UpstreamResult } from "@/lib/upstream/types";
import { nextPollAt, retryAt } from "@/lib/util/backoff";
import { Decimal } from "@/lib/money";
import { chunk, createLimiter } from "@/lib/util/concurrency";
import type { ClaimedOrder } from "./claim-orders";

export type PollTally = Record<SettleOutcome | "failed" | "results", number>;

export function emptyPollTally(): PollTally {
  return { unchanged: 0, progressed: 0, completed: 0, partial: 0, canceled: 0, flagged: 0, failed: 0, results: 0 };
}

type Batch = { client: UpstreamClient; kind: ClaimedOrder["kind"]; orders: ClaimedOrder[] };
type Gate = <T>(fn: () => Promise<T>) => Promise<T>;
type PollContext = { now: Date; signal?: AbortSignal; upstream: Gate; database: Gate; tally: PollTally; clients: Map<number, Promise<UpstreamClient | null>> };

export type PollOptions = { now: Date; concurrency: number; signal?: AbortSignal };

function pollContext(options: PollOptions): PollContext {
  // `concurrency` bounds the requests in flight to the upstreams; settling has its own bound of
  // the same size (each settle is one statement on one pooled connection).
  return { ...options, upstream: createLimiter(options.concurrency), database: createLimiter(options.concurrency), tally: emptyPollTally(), clients: new Map() };
}

/**
 * Claims due orders a chunk at a time and polls each chunk while the next is being claimed, so
 * the claim's database time hides behind the upstream's latency. At most two chunks are in
 * flight: what is claimed is soon polled, and its lease (renewed by the pass) stays short.
 */
export async function pollDueOrders(
  db: Db,
  claimNext: (limit: number) => Promise<ClaimedOrder[]>,
  options: PollOptions & { limit: number },
): Promise<{ claimed: number; tally: PollTally }> {
  const context = pollContext(options);
  const chunkSize = MAX_IDS_PER_REQUEST * Math.max(1, options.concurrency) * 2;
  const inFlight: Promise<void>[] = [];
  let claimed = 0;
  while (claimed < options.limit && !options.signal?.aborted) {
    if (inFlight.length >= 2) await inFlight[inFlight.length - 2];
    const chunk = await claimNext(Math.min(chunkSize, options.limit - claimed));
    claimed += chunk.length;
    if (chunk.length) inFlight.push(pollClaimed(db, chunk, context));
    if (chunk.length < chunkSize) break;
  }
  await Promise.all(inFlight);
  return { claimed, tally: context.tally };
}

async function clientFor(db: Db, providerId: number, context: PollContext): Promise<UpstreamClient | null> {
  let client = context.clients.get(providerId);
  if (!client) {
    client = loadProviderConnection(db, providerId).then((provider) => {
      try {
        return provider?.enabled ? upstreamClientFor(provider) : null;
      } catch {
        return null;
      }
    });
    context.clients.set(providerId, client);
  }
  return client;
}

async function pollClaimed(db: Db, claimed: ClaimedOrder[], context: PollContext): Promise<void> {
  const batches: Batch[] = [];
  for (const [providerId, orders] of groupBy(claimed, (o) => o.providerId)) {
    const client = await clientFor(db, providerId, context);
    if (!client) {
      for (const order of orders) await recordPollFailure(db, order, context.now, "provider unavailable", "indeterminate");
      context.tally.failed += orders.length;
      continue;
    }
    for (const [kind, ofKind] of groupBy(orders, (o) => o.kind)) {
      for (const part of chunk(ofKind, MAX_IDS_PER_REQUEST)) batches.push({ client, kind, orders: part });
    }
  }
  await Promise.all(batches.map((batch) => pollBatch(db, batch, context)));
}

async function pollBatch(db: Db, batch: Batch, options: PollContext): Promise<void> {
  const { now, tally, upstream, database } = options;
  if (options.signal?.aborted) return;
  const open = batch.orders.filter((o) => isOpenState(o.state));
  const ids = open.map((o) => o.upstreamOrderId);
  type Answer = UpstreamResult<Map<string, OrderStatus | ProductOrderStatus | BatchItemError>>;
  const ask = (): Promise<Answer> => (batch.kind === "service" ? batch.client.statuses(ids) : batch.client.productOrderStatuses(ids));
  const answer = ids.length === 0 ? null : await upstream(ask);
  if (options.signal?.aborted) return;

  const toSettle: { order: ClaimedOrder; status: StatusToSettle }[] = [];
  for (const order of open) {
    const item: OrderStatus | ProductOrderStatus | BatchItemError | undefined = answer?.ok
      ? answer.value.get(order.upstreamOrderId)
      : { error: answer?.message ?? "no answer", kind: answer && !answer.ok ? answer.kind : "indeterminate" };
    if (!item || "error" in item) {
      await database(() => recordPollFailure(db, order, now, item?.error ?? "missing from the answer", item?.kind ?? "indeterminate"));
      tally.failed++;
      continue;
    }
    const observed = { ...item, note: "note" in item ? item.note : null };
    toSettle.push({ order, status: { orderId: order.id, observed, nextSyncAt: nextPollAt(now, order.createdAt) } });
  }
  const outcomes = await database(() => settleAll(db, toSettle, now));
  const delivered: ClaimedOrder[] = [];
  toSettle.forEach(({ order }, i) => {
    const outcome = outcomes[i];
    tally[outcome]++;
    if (batch.kind === "product" && (outcome === "completed" || outcome === "partial")) delivered.push(order);
  });
  // Finished product orders whose results are still missing (just settled, or from earlier).
  delivered.push(...batch.orders.filter((o) => isDeliveredState(o.state)));
  for (const order of delivered) {
    if (options.signal?.aborted) return;
    const stored = await storeProductResults(db, batch.client, order, now, upstream).catch(async (error: Error) => {
      await recordPollFailure(db, order, now, `could not store the results: ${error.message}`, "indeterminate");
      return false;
    });
    if (stored) tally.results++;
    else tally.failed++;
  }
}

/**
 * The batch in one transaction. If the database refuses it (one order it cannot store), each
 * order is retried on its own so that one bad row never stalls the rest and the refunds behind it;
 * an order that still fails is recorded and retried at the next poll.
 */
async function settleAll(db: Db, toSettle: { order: ClaimedOrder; status: StatusToSettle }[], now: Date): Promise<(SettleOutcome | "failed")[]> {
  if (toSettle.length === 0) return [];
  const snapshots = new Map(toSettle.map(({ order }) => [order.id, { id: order.id, state: order.state }]));
  try {
    return await settleOrderStatuses(db, toSettle.map((s) => s.status), { now, snapshots });
  } catch {
    const outcomes: (SettleOutcome | "failed")[] = [];
    for (const { order, status } of toSettle) {
      try {
        // Read afresh: the batch may have failed on a row that changed since the claim.
        outcomes.push((await settleOrderStatuses(db, [status], { now }))[0]);
      } catch (error) {
        await recordPollFailure(db, order, now, `could not apply the status: ${(error as Error).message}`, "indeterminate");
        outcomes.push("failed");
      }
    }
    return outcomes;
  }
}

async function storeProductResults(db: Db, client: UpstreamClient, order: ClaimedOrder, now: Date, upstream: Gate): Promise<boolean> {
  const answer = await upstream(() => client.resultProduct(order.upstreamOrderId));
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
