import { placeOrder } from "@/lib/orders";
import { defineAction, field, type ApiVariant } from "../action-definition";
import { API_ERRORS, ApiRefusal, incorrectRequest } from "../errors";
import { idempotencyKeyOf } from "../idempotency";
import { optionalWholeNumberText, parseOurId } from "../params";
import { placementRefusalText } from "../placement-refusal";

/** API field → placeOrder input field, and whether it is a whole number. */
const ADD_FIELDS: ReadonlyArray<[api: string, input: string, whole: boolean]> = [
  ["link", "link", false],
  ["quantity", "quantity", true],
  ["runs", "runs", true],
  ["interval", "interval", true],
  ["comments", "comments", false],
  ["usernames", "usernames", false],
  ["hashtags", "hashtags", false],
  ["hashtag", "hashtag", false],
  ["username", "username", false],
  ["media", "media", false],
  ["answer_number", "answerNumber", true],
  ["min", "min", true],
  ["max", "max", true],
  ["posts", "posts", true],
  ["old_posts", "oldPosts", true],
  ["delay", "delay", true],
  ["expiry", "expiry", false],
];

const variant = (title: string, names: string[], note?: string): ApiVariant => ({
  title,
  fields: [field("service"), ...names.map((name) => field(name.replace(/\?$/, ""), !name.endsWith("?"))), field("idempotency_key", false)],
  answer: { order: 23501 },
  ...(note ? { note } : {}),
});

/** Per service type (the `type` in `services`), the fields `add` takes. */
const ADD_VARIANTS: ApiVariant[] = [
  variant("Default", ["link", "quantity"]),
  variant("Default with drip-feed", ["link", "quantity", "runs", "interval"], "Only for services with dripfeed true. You are charged for quantity × runs."),
  variant("Package", ["link"]),
  variant("Custom Comments", ["link", "comments"]),
  variant("Custom Comments Package", ["link", "comments"]),
  variant("Mentions", ["link", "quantity", "usernames"]),
  variant("Mentions with Hashtags", ["link", "quantity", "usernames", "hashtags"]),
  variant("Mentions Custom List", ["link", "usernames"]),
  variant("Mentions Hashtag", ["link", "quantity", "hashtag"]),
  variant("Mentions User Followers", ["link", "quantity", "username"]),
  variant("Mentions Media Likers", ["link", "quantity", "media"]),
  variant("Comment Likes", ["link", "quantity", "username"]),
  variant("Poll", ["link", "quantity", "answer_number"]),
  variant("Comment Replies", ["link", "username", "comments"]),
  variant("Subscriptions", ["username", "min", "max", "posts", "old_posts?", "delay", "expiry"], "No link. You are charged for max × posts up front; what is not delivered is refunded."),
];

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
    for (const [api, name, whole] of ADD_FIELDS) input[name] = whole ? optionalWholeNumberText(params, api) : params.get(api);
    const result = await placeOrder(context.db, context.customerId, input);
    if (!result.ok) throw new ApiRefusal(placementRefusalText(result));
    return { order: result.order.id };
  },
});
