// Placing a service order, the lean road: read the customer (with the key's earlier order) and
// the service (with its provider) in one query each, validate, write order + debit + ledger
// entry in one statement, send `add` once outside any transaction, and record the answer with
// its event in one statement. Nothing just written is read back. The input was parsed at the
// boundary (ZPlaceOrderInput in the action wrapper, the /api/v2 handler or a test).
import type { Db } from "@/lib/db/connection";
import { openChargedOrder } from "@/lib/ledger/open-charged-order";
import { Prisma } from "@/lib/db/generated/client";
import { Decimal, LEDGER_SCALE } from "@/lib/money";
import { toCustomerOrder, type CustomerOrderRow } from "./customer-order";
import { fail, invalidFields } from "@/lib/result";
import { readPlacementStart, readServiceForPlacement } from "./placement-reads";
import { PLACEMENT_FAILED_MESSAGE, resultOfPlacement, type PlaceOrderResult } from "./placement-result";
import { requestHashOf } from "./request-hash";
import type { ParsedPlaceOrderInput } from "./schemas";
import { sendClaimedOrder } from "./send-claimed-order";
import { addInputFor, serviceOrderCharge, validateServiceOrder } from "./service-order-rules";
import { submitLeaseMs } from "./submission-lease";
import { serviceUpstreamCost } from "./upstream-cost";

const SERVICE_UNAVAILABLE = "This service is not available.";
const NOT_ENOUGH_FUNDS = "Not enough funds on balance";

/**
 * `checked.activeCustomer`: the caller read this customer as active in this very request (the
 * API key's lookup, the session's re-check), so without an idempotency key there is nothing
 * left to read before validating.
 */
export async function placeOrder(
  db: Db,
  customerId: number,
  input: ParsedPlaceOrderInput,
  checked: { activeCustomer?: boolean } = {},
): Promise<PlaceOrderResult> {
  const { idempotencyKey, ...request } = input;
  const requestHash = requestHashOf({ kind: "service", ...request });
  if (idempotencyKey || !checked.activeCustomer) {
    const start = await readPlacementStart(db, customerId, idempotencyKey, requestHash);
    if ("ok" in start) return start;
    if (start.earlierOrderId !== null) return resultOfPlacement(db, customerId, start.earlierOrderId, true);
  }

  const service = await readServiceForPlacement(db, request.serviceId);
  if (!service || !service.orderable) {
    return fail("service_unavailable", SERVICE_UNAVAILABLE, { fields: { serviceId: { code: "service_unavailable", message: SERVICE_UNAVAILABLE } } });
  }
  const rules = validateServiceOrder(service, request);
  if (!rules.ok) return invalidFields(rules.fields);

  const charge = serviceOrderCharge(service.sellRate, rules.order);
  const leaseMs = submitLeaseMs();
  const opened = await openChargedOrder(db, {
    customerId,
    kind: "service",
    serviceId: service.id,
    productId: null,
    providerId: service.providerId,
    link: rules.order.link,
    quantity: rules.order.quantity,
    params: rules.order.params,
    charge,
    upstreamCost: serviceUpstreamCost(new Decimal(service.upstreamRate), new Decimal(service.provider.exchangeRate), rules.order),
    idempotencyKey: idempotencyKey ?? null,
    requestHash,
    leaseMs,
  });
  if (!opened.ok) {
    if (opened.reason === "not_enough_funds") return fail("not_enough_funds", NOT_ENOUGH_FUNDS);
    // The same key sent concurrently: answer with the order the winning copy made.
    const again = await readPlacementStart(db, customerId, idempotencyKey, requestHash);
    if ("ok" in again) return again;
    if (again.earlierOrderId === null) throw new Error("idempotency key taken but no order found for it");
    return resultOfPlacement(db, customerId, again.earlierOrderId, true);
  }

  const outcome = await sendClaimedOrder(db, opened.orderId, service.provider, addInputFor(service.upstreamId, rules.order.params), leaseMs);
  if (outcome === "failed") return fail("placement_failed", PLACEMENT_FAILED_MESSAGE, { data: { orderId: opened.orderId } });
  // Anything but a clean "placed" (lost answer, a race) may have changed more: read it once.
  if (outcome !== "placed") return resultOfPlacement(db, customerId, opened.orderId, false);
  // The row as it now stands, from what was just written: nothing is read back.
  const row: CustomerOrderRow = {
    id: opened.orderId,
    kind: "service",
    serviceId: service.id,
    productId: null,
    link: rules.order.link,
    quantity: rules.order.quantity,
    params: rules.order.params as Prisma.JsonValue,
    charge: new Prisma.Decimal(charge.toFixed(LEDGER_SCALE)),
    state: "pending",
    startCount: null,
    remains: null,
    upstreamStatus: null,
    cancelRequestedAt: null,
    createdAt: opened.createdAt,
    finishedAt: null,
    service: { name: service.name, cancel: service.cancel, refill: service.refill },
    product: null,
  };
  return { ok: true, duplicate: false, order: toCustomerOrder(row) };
}
