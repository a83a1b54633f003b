// Placing a product order: the same lean road as services (place-charged-order.ts: the
// one-statement charge, send once, one-statement outcome), with the product's own checks. The
// input was parsed at the boundary (ZPlaceProductOrderInput).
import type { Db } from "@/lib/db/connection";
import { Decimal, productCharge } from "@/lib/money";
import { fail, invalidFields, type FieldIssue } from "@/lib/result";
import { placeChargedOrder } from "./place-charged-order";
import { readProductForPlacement } from "./placement-reads";
import type { PlaceOrderResult, PlacementChecks } from "./placement-result";
import type { ParsedPlaceProductOrderInput } from "./schemas";
import { nonPositiveChargeRefusal } from "@/lib/pricing/order-charge";
import { productUpstreamCost } from "./upstream-cost";

const PRODUCT_UNAVAILABLE = "This product is not available.";

export async function placeProductOrder(
  db: Db,
  customerId: number,
  input: ParsedPlaceProductOrderInput,
  checked: PlacementChecks = {},
): Promise<PlaceOrderResult> {
  const result = await placeChargedOrder(db, customerId, { kind: "product" as const, ...input }, checked, async (request) => {
    const product = await readProductForPlacement(db, request.productId, customerId);
    if (!product || !product.orderable) {
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

    const charge = productCharge(product.customerRate, request.quantity);
    const refused = nonPositiveChargeRefusal(charge);
    if (refused) return refused;
    const params = product.requireText && request.require ? { require: request.require } : {};
    const send = { product: product.upstreamId, quantity: request.quantity, require: "require" in params ? params.require : undefined };
    return {
      order: {
        kind: "product",
        serviceId: null,
        productId: product.id,
        providerId: product.providerId,
        link: null,
        quantity: request.quantity,
        params,
        charge,
        upstreamCost: productUpstreamCost(new Decimal(product.upstreamRate), new Decimal(product.provider.exchangeRate), request.quantity),
      },
      provider: product.provider,
      send: (client) => client.addProductOrder(send),
      names: { service: null, product: { name: product.name } },
    };
  });
  if (result.ok && !result.duplicate && result.order.productId !== null) await countDownStock(db, result.order.productId, result.order.quantity);
  return result;
}

/**
 * The upstream took the units it sold out of its stock: the count shown to customers follows at
 * once (never below zero) instead of waiting for the next catalog sync, which overwrites it with
 * the upstream's own figure.
 */
async function countDownStock(db: Db, productId: number, quantity: number): Promise<void> {
  await db.$executeRaw`UPDATE "Product" SET "inventory" = GREATEST("inventory" - ${quantity}, 0) WHERE "id" = ${productId} AND "inventory" IS NOT NULL`;
}
