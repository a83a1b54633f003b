// Placing a service order, the lean road: read the customer (with the key's earlier order) and
// the service (with its provider) in one query each, validate, write order + debit + ledger
// entry in one statement, send `add` once outside any transaction, and record the answer with
// its event in one statement. Nothing just written is read back. The input was parsed at the
// boundary (ZPlaceOrderInput in the action wrapper, the /api/v2 handler or a test). The road
// itself is shared with products (place-charged-order.ts); this file says what a service needs.
import type { Db } from "@/lib/db/connection";
import { Decimal } from "@/lib/money";
import { fail, invalidFields } from "@/lib/result";
import { placeChargedOrder } from "./place-charged-order";
import { readServiceForPlacement } from "./placement-reads";
import type { PlaceOrderResult, PlacementChecks } from "./placement-result";
import type { ParsedPlaceOrderInput } from "./schemas";
import { addInputFor, serviceOrderCharge, validateServiceOrder } from "./service-order-rules";
import { nonPositiveChargeRefusal } from "@/lib/pricing/order-charge";
import { serviceUpstreamCost } from "./upstream-cost";

const SERVICE_UNAVAILABLE = "This service is not available.";

/**
 * `checked.activeCustomer`: the caller read this customer as active and verified in this very request (the
 * API key's lookup, the session's re-check), so without an idempotency key there is nothing
 * left to read before validating.
 */
export async function placeOrder(
  db: Db,
  customerId: number,
  input: ParsedPlaceOrderInput,
  checked: PlacementChecks = {},
): Promise<PlaceOrderResult> {
  return placeChargedOrder(db, customerId, { kind: "service" as const, ...input }, checked, async (request) => {
    const service = await readServiceForPlacement(db, request.serviceId, customerId);
    if (!service || !service.orderable) {
      return fail("service_unavailable", SERVICE_UNAVAILABLE, { fields: { serviceId: { code: "service_unavailable", message: SERVICE_UNAVAILABLE } } });
    }
    const rules = validateServiceOrder(service, request);
    if (!rules.ok) return invalidFields(rules.fields);

    // The customer's own rate (custom price or discount), priced as the catalog shows it.
    const charge = serviceOrderCharge(service.customerRate, rules.order);
    const refused = nonPositiveChargeRefusal(charge);
    if (refused) return refused;
    return {
      order: {
        kind: "service",
        serviceId: service.id,
        productId: null,
        providerId: service.providerId,
        link: rules.order.link,
        quantity: rules.order.quantity,
        params: rules.order.params,
        charge,
        upstreamCost: serviceUpstreamCost(new Decimal(service.upstreamRate), new Decimal(service.provider.exchangeRate), rules.order),
      },
      provider: service.provider,
      send: addInputFor(service.upstreamId, rules.order.params),
      names: { service: { name: service.name, cancel: service.cancel, refill: service.refill }, product: null },
    };
  });
}
