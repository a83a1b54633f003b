import { getProductResults } from "@/lib/orders";
import { refusalText } from "../refusal-text";
import { defineAction, field } from "../action-definition";
import { API_ERRORS, ApiRefusal } from "../errors";
import { requireId } from "../params";

export const resultProductAction = defineAction({
  name: "result_product",
  summary: "The delivered lines of a Completed or Partial product order.",
  variants: [
    {
      title: "results",
      fields: [field("order")],
      answer: { result: ["abc@gmail | 2 | 3", "abc1@gmail | 2 | 3", "abc2@gmail | 2 | 3"] },
    },
  ],
  async handle({ db, customerId }, params) {
    const orderId = requireId(params, "order", API_ERRORS.incorrectOrder);
    const results = await getProductResults(db, customerId, orderId);
    if (!results.ok) throw new ApiRefusal(refusalText(results));
    return { result: results.lines };
  },
});
