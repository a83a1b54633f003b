import { PANEL_CURRENCY } from "@/lib/currency";
import { defineAction, field } from "../action-definition";
import { API_ERRORS } from "../errors";
import { answerOrderViews, serviceOrderViews } from "../order-views";

const example = { charge: "2.500000", start_count: "168", status: "Completed", remains: "-2", currency: PANEL_CURRENCY };

export const statusAction = defineAction({
  name: "status",
  summary:
    "Status of service orders: Pending, In progress, Completed, Partial or Canceled. `charge` is what the order costs you after refunds; `remains` may be negative when more was delivered.",
  variants: [
    { title: "one order", fields: [field("order")], answer: example },
    {
      title: "several orders",
      fields: [field("orders")],
      answer: {
        "23501": { charge: "0.278190", start_count: "3572", status: "Partial", remains: "157", currency: PANEL_CURRENCY },
        "23502": { error: API_ERRORS.incorrectOrder },
      },
      note: "Keyed by the id as you sent it; an id that is not one of your service orders answers {\"error\": \"Incorrect order ID\"}.",
    },
  ],
  handle: ({ db, customerId }, params) => answerOrderViews(params, (ids) => serviceOrderViews(db, customerId, ids)),
});
