import { mapWithConcurrency } from "@/lib/util/concurrency";
import { requestCancel } from "@/lib/orders";
import { defineAction, field } from "../action-definition";
import { API_ERRORS, incorrectRequest } from "../errors";
import { echoId, parseOurId, requireIdList } from "../params";
import { refusalText } from "../refusal-text";

const BATCH_CONCURRENCY = 4;

export const cancelAction = defineAction({
  name: "cancel",
  summary:
    "Ask to cancel orders of services with cancel true. 1 means the cancel was requested, not that it happened: the order turns Canceled (and is refunded) when the provider confirms.",
  variants: [
    {
      title: "cancel orders",
      fields: [field("orders")],
      answer: [
        { order: 23501, cancel: 1 },
        { order: 23502, cancel: { error: API_ERRORS.incorrectOrder } },
      ],
      note: "A single `order` field is accepted too; the answer is the same list.",
    },
  ],
  async handle({ db, customerId }, params) {
    const listField = params.has("orders") ? "orders" : params.has("order") ? "order" : null;
    if (!listField) throw incorrectRequest("orders is required");
    const ids = requireIdList(params, listField);
    const results = await mapWithConcurrency(ids, BATCH_CONCURRENCY, async (id) => {
      const orderId = parseOurId(id);
      if (orderId === null) return { error: API_ERRORS.incorrectOrder };
      const result = await requestCancel(db, customerId, orderId);
      if (result.ok) return null;
      return { error: refusalText(result) };
    });
    return ids.map((id, index) => ({ order: echoId(id), cancel: results[index] ?? 1 }));
  },
});
