// Placing a product order: the same lean road as services (placement-reads, one-statement
// charge, send once, one-statement outcome), with the product's own checks. The input was parsed
// at the boundary (ZPlaceProductOrderInput).
import type { Db } from "@/lib/db/connection";
import { Prisma } from "@/lib/db/generated/client";
import { openChargedOrder } from "@/lib/ledger/open-charged-order";
import { Decimal, LEDGER_SCALE, productCharge } from "@/lib/money";
import { fail, invalidFields, type FieldIssue } from "@/lib/result";
import { readProductForPlacement } from "./placement-reads";
import { answerAfterSending, answerBeforePlacing, answerUnopened, type PlaceOrderResult, type PlacementChecks } from "./placement-result";
import { requestHashOf } from "./request-hash";
import type { ParsedPlaceProductOrderInput } from "./schemas";
import { sendClaimedOrder } from "./send-claimed-order";
import { submitLeaseMs } from "./submission-lease";
import { nonPositiveChargeRefusal } from "@/lib/pricing/order-charge";
import { productUpstreamCost } from "./upstream-cost";

const PRODUCT_UNAVAILABLE = "This product is not available.";

export async function placeProductOrder(
  db: Db,
  customerId: number,
  input: ParsedPlaceProductOrderInput,
  checked: PlacementChecks = {},
): Promise<PlaceOrderResult> {
  const { idempotencyKey, ...request } = input;
  const requestHash = requestHashOf({ kind: "product", ...request });
  const answered = await answerBeforePlacing(db, customerId, idempotencyKey, requestHash, checked);
  if (answered) return answered;

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
  const leaseMs = submitLeaseMs();
  const opened = await openChargedOrder(db, {
    customerId,
    kind: "product",
    serviceId: null,
    productId: product.id,
    providerId: product.providerId,
    link: null,
    quantity: request.quantity,
    params,
    charge,
    upstreamCost: productUpstreamCost(new Decimal(product.upstreamRate), new Decimal(product.provider.exchangeRate), request.quantity),
    idempotencyKey: idempotencyKey ?? null,
    requestHash,
    leaseMs,
  });
  if (!opened.ok) return answerUnopened(db, customerId, idempotencyKey, requestHash, opened.reason);

  const send = { product: product.upstreamId, quantity: request.quantity, require: "require" in params ? params.require : undefined };
  const outcome = await sendClaimedOrder(db, opened.orderId, product.provider, (client) => client.addProductOrder(send), leaseMs);
  return answerAfterSending(db, customerId, opened.orderId, outcome, () => ({
    id: opened.orderId,
    kind: "product",
    serviceId: null,
    productId: product.id,
    link: null,
    quantity: request.quantity,
    params,
    charge: new Prisma.Decimal(charge.toFixed(LEDGER_SCALE)),
    state: "pending",
    startCount: null,
    remains: null,
    upstreamStatus: null,
    cancelRequestedAt: null,
    createdAt: opened.createdAt,
    finishedAt: null,
    service: null,
    product: { name: product.name },
  }));
}
