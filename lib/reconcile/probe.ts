// Asks the provider about ids with multi-status, 100 per call, and sorts each id into answered
// (an order of our key), absent (a per-id error: not ours), or unknown (the call failed, the
// answer left it out). The first call carries the controls: ids no order of ours can hold, which
// must not answer (a provider that answers regardless of the key), and ids of our own orders, which
// must (a provider that says "Incorrect order ID" to everything would otherwise make every window
// look empty, and every lost order look never placed).
import type { OrderKind } from "@/lib/db/generated/enums";
import type { UpstreamClient } from "@/lib/upstream/client";
import { MAX_IDS_PER_REQUEST } from "@/lib/upstream/batches";
import type { BatchItemError, OrderStatus, ProductOrderStatus, UpstreamResult } from "@/lib/upstream/types";
import type { ProbeAnswer } from "./match";

export type ProbeResult = {
  answered: Map<bigint, ProbeAnswer>;
  absent: Set<bigint>;
  /** Why some ids got no definite answer (null: every id did). */
  failure: string | null;
  /** A control id answered: the provider answers ids that are not ours. */
  broken: string | null;
  calls: number;
};

type Status = OrderStatus | ProductOrderStatus;

function isItemError(item: Status | BatchItemError): item is BatchItemError {
  return "error" in item;
}

export async function probeIds(client: UpstreamClient, kind: OrderKind, ids: bigint[], control: { notOurs: bigint[]; ours: bigint[] }): Promise<ProbeResult> {
  const result: ProbeResult = { answered: new Map(), absent: new Set(), failure: null, broken: null, calls: 0 };
  const controlSet = new Set(control.notOurs);
  const oursSet = new Set(control.ours);
  const first = [...control.notOurs, ...control.ours];
  const queue = [...first, ...ids.filter((id) => !controlSet.has(id) && !oursSet.has(id))];
  const ask = (batch: bigint[]): Promise<UpstreamResult<Map<string, Status | BatchItemError>>> => {
    const texts = batch.map(String);
    return kind === "service" ? client.statuses(texts) : client.productOrderStatuses(texts);
  };
  for (let start = 0; start < queue.length; start += MAX_IDS_PER_REQUEST) {
    const batch = queue.slice(start, start + MAX_IDS_PER_REQUEST);
    result.calls += 1;
    const answer = await ask(batch);
    if (!answer.ok) {
      // A refusal, a rate limit or garbage: the rest waits for the next pass.
      result.failure = `probe failed: ${answer.message}`;
      return result;
    }
    const asked = new Set(batch.map(String));
    const extra = [...answer.value.keys()].filter((key) => !asked.has(key));
    if (extra.length) {
      result.broken = `the provider answered ids that were not asked (${extra.slice(0, 5).join(", ")}): its answers cannot be trusted`;
      return result;
    }
    for (const id of batch) {
      const item = answer.value.get(String(id));
      if (item === undefined) {
        result.failure = `probe failed: the provider left id ${id} out of its answer`;
        continue;
      }
      if (isItemError(item)) {
        if (oursSet.has(id)) {
          result.broken = `the provider says our own upstream order ${id} does not exist (${item.error}): its answers cannot be trusted`;
          return result;
        }
        if (item.kind === "definite") result.absent.add(id);
        else result.failure = `probe failed: id ${id}: ${item.error}`;
        continue;
      }
      if (controlSet.has(id)) {
        result.broken = `the provider answered id ${id}, which no order of ours can hold: it may ignore the API key`;
        return result;
      }
      if (oursSet.has(id)) continue;
      result.answered.set(id, { id, status: item.status, statusClass: item.statusClass, charge: item.charge, remains: item.remains });
    }
  }
  return result;
}
