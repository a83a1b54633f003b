// Placing a product order: the same road as services, with the product's own checks.
import type { Db } from "@/lib/db/connection";
import { productCharge } from "@/lib/money";
import { checkBeforePlacing, resultOfPlacement, type PlaceOrderResult } from "./placement-result";
import { openOrder } from "./open-order";
import { requestHashOf } from "./request-hash";
import { fieldErrorsOf, ZPlaceProductOrderInput } from "./schemas";
import { submitOrder } from "./submit-order";
import { productRateFor } from "@/lib/pricing/customer-rate";
import { nonPositiveChargeRefusal } from "@/lib/pricing/order-charge";

export async function placeProductOrder(db: Db, customerId: number, input: unknown): Promise<PlaceOrderResult> {
  const parsed = ZPlaceProductOrderInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: "Check the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error) };
  const { idempotencyKey, ...request } = parsed.data;
  const requestHash = requestHashOf({ kind: "product", ...request });
  const answered = await checkBeforePlacing(db, customerId, idempotencyKey, requestHash);
  if (answered) return answered;

  const product = await db.product.findUnique({
    where: { id: request.productId },
    select: {
      id: true, providerId: true, min: true, max: true, sellRate: true, requireText: true, inventory: true,
      enabled: true, upstreamListed: true, provider: { select: { enabled: true } },
    },
  });
  if (!product || !product.enabled || !product.upstreamListed || !product.provider.enabled) {
    return { ok: false, error: "This product is not available.", fieldErrors: { productId: "This product is not available." } };
  }
  const fieldErrors: Record<string, string> = {};
  if (request.quantity < product.min) fieldErrors.quantity = `The minimum is ${product.min}.`;
  else if (request.quantity > product.max) fieldErrors.quantity = `The maximum is ${product.max}.`;
  else if (product.inventory !== null && request.quantity > product.inventory) {
    fieldErrors.quantity = product.inventory > 0 ? `Only ${product.inventory} left.` : "Out of stock.";
  }
  if (product.requireText && !request.require) fieldErrors.require = `Enter: ${product.requireText}`;
  if (Object.keys(fieldErrors).length) return { ok: false, error: "Check the highlighted fields.", fieldErrors };

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
    idempotencyKey,
    requestHash,
  });
  if (!opened.ok) return opened;
  if (!opened.duplicate) await submitOrder(db, opened.orderId);
  return resultOfPlacement(db, customerId, opened.orderId, opened.duplicate);
}
