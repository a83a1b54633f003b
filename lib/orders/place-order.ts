// Placing a service order: validate everything, then the one road — charge and record
// (openOrder), send once (submitOrder), settle the answer. The input was parsed at the boundary
// (ZPlaceOrderInput in the action wrapper, the /api/v2 handler or a test).
import type { Db } from "@/lib/db/connection";
import { fromDb } from "@/lib/money/db-decimal";
import { fail, invalidFields } from "@/lib/result";
import { checkBeforePlacing, resultOfPlacement, type PlaceOrderResult } from "./placement-result";
import { openOrder } from "./open-order";
import { requestHashOf } from "./request-hash";
import type { ParsedPlaceOrderInput } from "./schemas";
import { serviceOrderCharge, validateServiceOrder } from "./service-order-rules";
import { submitOrder } from "./submit-order";
import { sellRateFor } from "@/lib/pricing/customer-rate";
import { nonPositiveChargeRefusal } from "@/lib/pricing/order-charge";
import { serviceUpstreamCost } from "./upstream-cost";

const SERVICE_UNAVAILABLE = "This service is not available.";

export async function placeOrder(db: Db, customerId: number, input: ParsedPlaceOrderInput): Promise<PlaceOrderResult> {
  const { idempotencyKey, ...request } = input;
  const requestHash = requestHashOf({ kind: "service", ...request });
  const answered = await checkBeforePlacing(db, customerId, idempotencyKey, requestHash);
  if (answered) return answered;

  const service = await db.service.findUnique({
    where: { id: request.serviceId },
    select: {
      id: true, providerId: true, type: true, min: true, max: true, dripfeed: true, sellRate: true, upstreamRate: true,
      enabled: true, upstreamListed: true, provider: { select: { enabled: true, exchangeRate: true } },
    },
  });
  if (!service || !service.enabled || !service.upstreamListed || !service.provider.enabled) {
    return fail("service_unavailable", SERVICE_UNAVAILABLE, { fields: { serviceId: { code: "service_unavailable", message: SERVICE_UNAVAILABLE } } });
  }
  const rules = validateServiceOrder(service, request);
  if (!rules.ok) return invalidFields(rules.fields);

  // The customer's own rate (custom price or discount), priced as the catalog shows it.
  const charge = serviceOrderCharge((await sellRateFor(db, customerId, service.id)) ?? service.sellRate.toFixed(), rules.order);
  const refused = nonPositiveChargeRefusal(charge);
  if (refused) return refused;
  const opened = await openOrder(db, {
    customerId,
    kind: "service",
    serviceId: service.id,
    providerId: service.providerId,
    link: rules.order.link,
    quantity: rules.order.quantity,
    params: rules.order.params,
    charge,
    upstreamCost: serviceUpstreamCost(fromDb(service.upstreamRate), fromDb(service.provider.exchangeRate), rules.order),
    idempotencyKey,
    requestHash,
  });
  if (!opened.ok) return opened;
  if (!opened.duplicate) await submitOrder(db, opened.orderId);
  return resultOfPlacement(db, customerId, opened.orderId, opened.duplicate);
}
