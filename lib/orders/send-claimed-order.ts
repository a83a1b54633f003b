// Steps two and three of the lean placement: send `add` exactly once for an order that was
// written already claimed (lib/ledger/open-charged-order.ts), outside any transaction, renewing
// the sender's lease while waiting; then record the answer (recordSubmitOutcome: one moveOrders
// statement, the refund of a refusal included).
import type { Db } from "@/lib/db/connection";
import { upstreamClientFor, type ProviderConnection } from "@/lib/providers/provider-client";
import type { AddOrderInput } from "@/lib/upstream/add-order-input";
import type { UpstreamClient } from "@/lib/upstream/client";
import type { CreatedOrder, UpstreamResult } from "@/lib/upstream/types";
import { keepLeaseAlive } from "./submission-lease";
import { recordSubmitOutcome, type SubmitOutcome } from "./submit-order";

/** `add` for a service (its AddOrderInput), or the call that sends a product order. */
export type Send = AddOrderInput | ((client: UpstreamClient) => Promise<UpstreamResult<CreatedOrder>>);

export async function sendClaimedOrder(db: Db, orderId: number, provider: ProviderConnection, send: Send, leaseMs: number): Promise<SubmitOutcome> {
  const stopRenewing = keepLeaseAlive(leaseMs, () =>
    db.order.updateMany({ where: { id: orderId, state: "pending_submit" }, data: { leaseUntil: new Date(Date.now() + leaseMs) } }),
  );
  try {
    let result: UpstreamResult<CreatedOrder>;
    try {
      const client = upstreamClientFor(provider);
      result = await (typeof send === "function" ? send(client) : client.add(send));
    } catch (error) {
      // Nothing left: the key could not be decrypted or the request not built.
      result = { ok: false, kind: "definite", message: (error as Error).message };
    }
    return await recordSubmitOutcome(db, orderId, result, new Date(), "placement");
  } finally {
    stopRenewing();
  }
}
