// Placing a product order: the same road as services, with the product's own checks. The input
// was parsed at the boundary (ZPlaceProductOrderInput).
import type { Db } from "@/lib/db/connection";
import { productCharge } from "@/lib/money";
import { fromDb } from "@/lib/money/db-decimal";
import { fail, invalidFields, type FieldIssue } from "@/lib/result";
import { checkBeforePlacing, resultOfPlacement, type PlaceOrderResult } from "./placement-result";
import { openOrder } from "./open-order";
import { requestHashOf } from "./request-hash";
import type { ParsedPlaceProductOrderInput } from "./schemas";
import { submitOrder } from "./submit-order";
import { productRateFor } from "@/lib/pricing/customer-rate";
import { nonPositiveChargeRefusal } from "@/lib/pricing/order-charge";
import { productUpstreamCost } from "./upstream-cost";

const PRODUCT_UNAVAILABLE = "This product is not available.";

export async function placeProductOrder(db: Db, customerId: number, input: ParsedPlaceProductOrderInput): Promise<PlaceOrderResult> {
  const { idempotencyKey, ...request } = input;
  const requestHash = requestHashOf({ kind: "product", ...request });
  const answered = await checkBeforePlacing(db, customerId, idempotencyKey, requestHash);
  if (answered) return answered;

  const product = await db.product.findUnique({
    where: { id: request.productId },
    select: {
      id: true, providerId: true, min: true, max: true, sellRate: true, upstreamRate: true, requireText: true, inventory: true,
      enabled: true, upstreamListed: true, provider: { select: { enabled: true, exchangeRate: true } },
    },
  });
  if (!product || !product.enabled || !product.upstreamListed || !product.provider.enabled) {
    return fail("product_unavailable", PRODUCT_UNAVAILABLE, { fields: { productId: { code: "product_unavailable", message: PRODUCT_UNAVAILABLE } } });
  }
  const fields: Record<string, FieldIssue> = {};
  if (request.quantity < product.min) fields.quantity = { code: "below_min", message: `The minimum is ${product.min}.`, data: { min: product.min } };
  else if (request.quantity > product.max) fields.quantity = { code: "above_max", message: `The maximum is ${product.max}.`, data: { max: product.max } };
  else if (product.inventory !== null && request.quantity > product.inventory) {
    fields.quantity = { code: "out_of_stock", message: product.inventory > 0 ? `Only ${product.inventory} left.` : "Out of stock.", data: { left: product.inventory } };
  }
  if (product.requireText && !request.require) fields.require = { code: "required", message: `Enter: ${product.requireText}` };
  if (Object.keys(fields).length) return invalidFields(fields);

  const charge = productCharge((await productRateFor(db, customerId, product.id)) ?? product.sellRate.toFixed(), request.quantity);
  const refused = nonPositiveChargeRefusal(charge);
  if (refused) return refused;
  const opened = await openOrder(db, {
    customerId,
    kind: "product",
    productId: product.id,
    providerId: product.providerId,
    link: null,
    quantity: request.quantity,
    params: product.requireText && request.require ? { require: request.require } : {},
    charge,
    upstreamCost: productUpstreamCost(fromDb(product.upstreamRate), fromDb(product.provider.exchangeRate), request.quantity),
    idempotencyKey,
    requestHash,
  });
  if (!opened.ok) return opened;
  if (!opened.duplicate) await submitOrder(db, opened.orderId);
  return resultOfPlacement(db, customerId, opened.orderId, opened.duplicate);
}
