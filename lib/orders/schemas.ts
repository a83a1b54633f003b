// Inputs as they arrive from a form, /api/v2 or a test: strings or numbers, empty fields blank.
import { z } from "zod";
import { ORDER_FIELDS, type OrderField, type WholeOrderField } from "@/lib/service-types/fields";
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

/** Each order field by its kind (lib/service-types/fields.ts): the form, /api/v2 and tests send the same names. */
const orderFieldSchemas = Object.fromEntries(
  Object.entries(ORDER_FIELDS).map(([name, spec]) => [name, spec.kind === "whole" ? optionalWhole : optionalText("maxLength" in spec ? spec.maxLength : 200)]),
) as { [F in OrderField]: F extends WholeOrderField ? typeof optionalWhole : ReturnType<typeof optionalText> };

export const ZPlaceOrderInput = z.object({
  serviceId: z.coerce.number({ error: "Choose a service." }).int("Choose a service.").positive("Choose a service."),
  ...orderFieldSchemas,
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
export type ParsedPlaceProductOrderInput = z.output<typeof ZPlaceProductOrderInput>;

export const ZListOrdersInput = z.object({
  state: z.enum(ORDER_STATES).optional(),
  kind: z.enum(["service", "product"]).optional(),
  search: optionalText(200),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListOrdersInput = z.input<typeof ZListOrdersInput>;

export { fieldErrorsOf } from "@/lib/validation/field-errors";
