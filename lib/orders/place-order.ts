// Placing a service order: validate everything, then the one road — charge and record
// (openOrder), send once (submitOrder), settle the answer.
import type { Db } from "@/lib/db/connection";
import { checkBeforePlacing, resultOfPlacement, type PlaceOrderResult } from "./placement-result";
import { openOrder } from "./open-order";
import { requestHashOf } from "./request-hash";
import { fieldErrorsOf, ZPlaceOrderInput } from "./schemas";
import { serviceOrderCharge, validateServiceOrder } from "./service-order-rules";
import { submitOrder } from "./submit-order";
import { sellRateFor } from "@/lib/pricing/customer-rate";
import { nonPositiveChargeRefusal } from "@/lib/pricing/order-charge";

export async function placeOrder(db: Db, customerId: number, input: unknown): Promise<PlaceOrderResult> {
  const parsed = ZPlaceOrderInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: "Check the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error) };
  const { idempotencyKey, ...request } = parsed.data;
  const requestHash = requestHashOf({ kind: "service", ...request });
  const answered = await checkBeforePlacing(db, customerId, idempotencyKey, requestHash);
  if (answered) return answered;

  const service = await db.service.findUnique({
    where: { id: request.serviceId },
    select: {
      id: true, providerId: true, type: true, min: true, max: true, dripfeed: true, sellRate: true,
      enabled: true, upstreamListed: true, provider: { select: { enabled: true } },
    },
  });
  if (!service || !service.enabled || !service.upstreamListed || !service.provider.enabled) {
    return { ok: false, error: "This service is not available.", fieldErrors: { serviceId: "This service is not available." } };
  }
  const rules = validateServiceOrder(service, request);
  if (!rules.ok) return { ok: false, error: "Check the highlighted fields.", fieldErrors: rules.fieldErrors };

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
    idempotencyKey,
    requestHash,
  });
  if (!opened.ok) return opened;
  if (!opened.duplicate) await submitOrder(db, opened.orderId);
  return resultOfPlacement(db, customerId, opened.orderId, opened.duplicate);
}
