import { mapWithConcurrency } from "@/lib/util/concurrency";
import { requestRefill } from "@/lib/refills";
import { defineAction, field } from "../action-definition";
import { API_ERRORS, ApiRefusal } from "../errors";
import { echoId, parseOurId, requireId, requireIdList } from "../params";
import { refusalText } from "../refusal-text";
import type { ApiContext } from "../action-definition";

/** Several ids ask the upstream several times; a few at once keeps a batch of 100 reasonable. */
const BATCH_CONCURRENCY = 4;

async function refillOne({ db, customerId }: ApiContext, idText: string): Promise<{ refill: number } | { error: string }> {
  const orderId = parseOurId(idText);
  if (orderId === null) return { error: API_ERRORS.incorrectOrder };
  const result = await requestRefill(db, customerId, orderId);
  if (result.ok) return { refill: result.refill.id };
  return { error: refusalText(result) };
}

export const refillAction = defineAction({
  name: "refill",
  summary: "Ask for a refill of a Completed or Partial order of a service with refill true (at most one per order per cooldown period).",
  variants: [
    { title: "one order", fields: [field("order")], answer: { refill: "701" } },
    {
      title: "several orders",
      fields: [field("orders")],
      answer: [
        { order: 23501, refill: 701 },
        { order: 23502, refill: { error: API_ERRORS.incorrectOrder } },
      ],
    },
  ],
  async handle(context, params) {
    if (params.has("orders")) {
      const ids = requireIdList(params, "orders");
      const results = await mapWithConcurrency(ids, BATCH_CONCURRENCY, (id) => refillOne(context, id));
      return ids.map((id, index) => {
        const result = results[index];
        return { order: echoId(id), refill: "error" in result ? { error: result.error } : result.refill };
      });
    }
    const result = await refillOne(context, String(requireId(params, "order", API_ERRORS.incorrectOrder)));
    if ("error" in result) throw new ApiRefusal(result.error);
    return { refill: String(result.refill) };
  },
});
