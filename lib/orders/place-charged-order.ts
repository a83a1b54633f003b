// The road every placement shares, services and products alike: the idempotent answer before
// anything is read, the kind's own reads and checks (a plan), the one-statement charge, `add`
// sent once outside any transaction, and the answer from what was just written. The kind's
// files (place-order.ts, place-product-order.ts) only say what to read, check and send.
import type { Db } from "@/lib/db/connection";
import { Prisma } from "@/lib/db/generated/client";
import { LEDGER_SCALE } from "@/lib/money";
import { openChargedOrder, type ChargedOrder } from "@/lib/ledger/open-charged-order";
import type { ProviderConnection } from "@/lib/providers/provider-client";
import type { Failure } from "@/lib/result";
import type { CustomerOrderRow } from "./customer-order";
import { answerAfterSending, answerBeforePlacing, answerUnopened, type PlaceOrderResult, type PlacementChecks } from "./placement-result";
import { requestHashOf } from "./request-hash";
import { sendClaimedOrder, type Send } from "./send-claimed-order";
import { submitLeaseMs } from "./submission-lease";

/** What the kind decided once its row was read and the request checked: the charge and how to send it. */
export type PlacementPlan = {
  order: Omit<ChargedOrder, "customerId" | "idempotencyKey" | "requestHash" | "leaseMs">;
  provider: ProviderConnection;
  send: Send;
  /** What the customer's view names the order by (the row itself is what was just written). */
  names: Pick<CustomerOrderRow, "service" | "product">;
};

/** The order as it stands once placed, from what was just written: nothing is read back. */
function placedRow(order: PlacementPlan["order"], names: PlacementPlan["names"], opened: { id: number; createdAt: Date }): CustomerOrderRow {
  return {
    id: opened.id,
    kind: order.kind,
    serviceId: order.serviceId,
    productId: order.productId,
    link: order.link,
    quantity: order.quantity,
    // What the database's insert trigger recorded from the same row's name.
    itemName: names.service?.name ?? names.product?.name ?? null,
    params: order.params as Prisma.JsonValue,
    charge: new Prisma.Decimal(order.charge.toFixed(LEDGER_SCALE)),
    state: "pending",
    startCount: null,
    remains: null,
    upstreamStatus: null,
    cancelRequestedAt: null,
    createdAt: opened.createdAt,
    finishedAt: null,
    ...names,
  };
}

export async function placeChargedOrder<R extends { kind: "service" | "product" }>(
  db: Db,
  customerId: number,
  input: R & { idempotencyKey?: string },
  checked: PlacementChecks,
  plan: (request: Omit<R, "idempotencyKey">) => Promise<PlacementPlan | Failure>,
): Promise<PlaceOrderResult> {
  const { idempotencyKey, ...request } = input;
  const requestHash = requestHashOf(request);
  const answered = await answerBeforePlacing(db, customerId, idempotencyKey, requestHash, checked);
  if (answered) return answered;

  const planned = await plan(request);
  if ("ok" in planned) return planned;
  const leaseMs = submitLeaseMs();
  const opened = await openChargedOrder(db, { ...planned.order, customerId, idempotencyKey: idempotencyKey ?? null, requestHash, leaseMs });
  if (!opened.ok) return answerUnopened(db, customerId, idempotencyKey, requestHash, opened.reason);

  const outcome = await sendClaimedOrder(db, opened.orderId, planned.provider, planned.send, leaseMs);
  return answerAfterSending(db, customerId, opened.orderId, outcome, () => placedRow(planned.order, planned.names, { id: opened.orderId, createdAt: opened.createdAt }));
}
