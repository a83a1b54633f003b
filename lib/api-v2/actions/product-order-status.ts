import { defineAction, field } from "../action-definition";
import { API_ERRORS } from "../errors";
import { answerOrderViews, productOrderViews } from "../order-views";

export const productOrderStatusAction = defineAction({
  name: "product_order_status",
  summary:
    "Status of product orders: Pending, In progress, Completed, Partial or Canceled, with the delivered lines in `result` (one per line) once Completed or Partial.",
  variants: [
    {
      title: "one order",
      fields: [field("order")],
      answer: { charge: "7.500000", status: "Completed", result: "user1@mail.test | pass1\nuser2@mail.test | pass2" },
    },
    {
      title: "several orders",
      fields: [field("orders")],
      answer: {
        "99999": { charge: "6.000000", status: "Partial", remains: "3", result: "c85c1d1a-9ef3-4d01-8c58-3dfaf3bbc457" },
        "99998": { error: API_ERRORS.incorrectOrder },
      },
    },
  ],
  handle: ({ db, customerId }, params) => answerOrderViews(params, (ids) => productOrderViews(db, customerId, ids)),
});
