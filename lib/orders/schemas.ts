// Inputs as they arrive from a form, /api/v2 or a test: strings or numbers, empty fields blank.
import { z } from "zod";
import { ORDER_STATES } from "./state-machine";

const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

const optionalText = (max: number) =>
  z.preprocess(blankToUndefined, z.string().trim().max(max, `Use at most ${max} characters.`).optional());

const optionalWhole = z.preprocess(
  blankToUndefined,
  z.coerce.number({ error: "Enter a whole number." }).int("Enter a whole number.").optional(),
);

const idempotencyKey = z.preprocess(
  blankToUndefined,
  z.string().trim().min(1).max(200, "Use at most 200 characters.").optional(),
);

export const ZPlaceOrderInput = z.object({
  serviceId: z.coerce.number({ error: "Choose a service." }).int("Choose a service.").positive("Choose a service."),
  link: optionalText(2000),
  quantity: optionalWhole,
  /** Drip-feed: how many times `quantity` is delivered, and the minutes between runs. */
  runs: optionalWhole,
  interval: optionalWhole,
  comments: optionalText(100_000),
  usernames: optionalText(100_000),
  hashtags: optionalText(100_000),
  hashtag: optionalText(200),
  username: optionalText(200),
  media: optionalText(2000),
  answerNumber: optionalWhole,
  // Subscriptions.
  min: optionalWhole,
  max: optionalWhole,
  posts: optionalWhole,
  oldPosts: optionalWhole,
  delay: optionalWhole,
  expiry: optionalText(10),
  idempotencyKey,
});
export type PlaceOrderInput = z.input<typeof ZPlaceOrderInput>;
export type ParsedPlaceOrderInput = z.output<typeof ZPlaceOrderInput>;

export const ZPlaceProductOrderInput = z.object({
  productId: z.coerce.number({ error: "Choose a product." }).int("Choose a product.").positive("Choose a product."),
  quantity: z.coerce.number({ error: "Enter a whole number." }).int("Enter a whole number.").positive("Enter at least 1."),
  require: optionalText(2000),
  idempotencyKey,
});
export type PlaceProductOrderInput = z.input<typeof ZPlaceProductOrderInput>;

export const ZListOrdersInput = z.object({
  state: z.enum(ORDER_STATES).optional(),
  kind: z.enum(["service", "product"]).optional(),
  search: optionalText(200),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListOrdersInput = z.input<typeof ZListOrdersInput>;

export { fieldErrorsOf } from "@/lib/validation/field-errors";
