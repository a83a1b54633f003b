import { placeProductOrder, ZPlaceProductOrderInput } from "@/lib/orders";
import { defineAction, field } from "../action-definition";
import { API_ERRORS, ApiRefusal, incorrectRequest } from "../errors";
import { idempotencyKeyOf } from "../idempotency";
import { optionalWholeNumberText, parseOurId } from "../params";
import { parseOrRefuse, refusalText } from "../refusal-text";

export const addProductOrderAction = defineAction({
  name: "add_product_order",
  summary: "Buy a product. Its delivered lines (accounts, codes…) are read with `result_product` once it is Completed.",
  variants: [
    {
      title: "buy a product",
      fields: [field("product"), field("quantity"), field("require", false), field("idempotency_key", false)],
      answer: { order: 99999 },
    },
  ],
  async handle(context, params) {
    const productText = params.text("product");
    if (productText === undefined) throw incorrectRequest("product is required");
    const productId = parseOurId(productText);
    if (productId === null) throw new ApiRefusal(API_ERRORS.incorrectProduct);
    const quantity = optionalWholeNumberText(params, "quantity");
    if (quantity === undefined) throw incorrectRequest("quantity is required");
    const input = parseOrRefuse(ZPlaceProductOrderInput, {
      productId,
      quantity,
      require: params.get("require"),
      idempotencyKey: idempotencyKeyOf(context, params),
    });
    // The handler read the key with its customer, active, in this request.
    const result = await placeProductOrder(context.db, context.customerId, input, { activeCustomer: context.mayOrder });
    if (!result.ok) throw new ApiRefusal(refusalText(result));
    return { order: result.order.id };
  },
});
