import { placeOrder, ZPlaceOrderInput } from "@/lib/orders";
import { ORDER_FIELD_NAMES, ORDER_FIELDS } from "@/lib/service-types/fields";
import { SERVICE_TYPES } from "@/lib/service-types/names";
import { DRIP_FEED_API_NOTE, DRIP_FEED_FIELDS, SERVICE_TYPE_TABLE, type FieldUse } from "@/lib/service-types/service-types";
import { defineAction, field, type ApiVariant } from "../action-definition";
import { API_ERRORS, ApiRefusal, incorrectRequest } from "../errors";
import { idempotencyKeyOf } from "../idempotency";
import { optionalWholeNumberText, parseOurId } from "../params";
import { parseOrRefuse, refusalText } from "../refusal-text";

const variant = (title: string, uses: readonly FieldUse[], note?: string): ApiVariant => ({
  title,
  fields: [field("service"), ...uses.map((use) => field(ORDER_FIELDS[use.field].api, !use.optional)), field("idempotency_key", false)],
  answer: { order: 23501 },
  ...(note ? { note } : {}),
});

/** Per service type (the `type` in `services`), the fields `add` takes: read from the service-type table. */
const ADD_VARIANTS: ApiVariant[] = SERVICE_TYPES.flatMap((type) => {
  const spec = SERVICE_TYPE_TABLE[type];
  const plain = variant(type, spec.fields, spec.apiNote);
  return spec.dripFeed ? [plain, variant(`${type} with drip-feed`, [...spec.fields, ...DRIP_FEED_FIELDS.map((use) => ({ field: use.field }))], DRIP_FEED_API_NOTE)] : [plain];
});

export const addAction = defineAction({
  name: "add",
  summary:
    "Place an order. The fields depend on the service's type. The price is taken from your balance; a Partial or Canceled order is refunded for what was not delivered.",
  variants: ADD_VARIANTS,
  async handle(context, params) {
    const serviceText = params.text("service");
    if (serviceText === undefined) throw incorrectRequest("service is required");
    const serviceId = parseOurId(serviceText);
    if (serviceId === null) throw new ApiRefusal(API_ERRORS.incorrectService);
    const input: Record<string, unknown> = { serviceId, idempotencyKey: idempotencyKeyOf(context, params) };
    for (const name of ORDER_FIELD_NAMES) {
      const { api, kind } = ORDER_FIELDS[name];
      input[name] = kind === "whole" ? optionalWholeNumberText(params, api) : params.get(api);
    }
    // The handler read the key with its customer, active, in this request.
    const result = await placeOrder(context.db, context.customerId, parseOrRefuse(ZPlaceOrderInput, input), { activeCustomer: context.mayOrder });
    if (!result.ok) throw new ApiRefusal(refusalText(result));
    return { order: result.order.id };
  },
});
