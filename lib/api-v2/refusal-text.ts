// lib functions refuse with a machine-readable code (lib/result.ts); API clients expect the
// protocol's texts. This maps the one to the other; messages are never parsed, nothing is
// re-validated. Field names go back to the API's spelling.
import type { z } from "zod";
import type { Failure, FieldIssue } from "@/lib/result";
import { ORDER_FIELDS, type OrderField } from "@/lib/service-types/fields";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { API_ERRORS, ApiRefusal, incorrectRequest, quantityAboveMax, quantityBelowMin } from "./errors";

const OTHER_API_NAMES: Record<string, string> = { serviceId: "service", productId: "product", idempotencyKey: "idempotency_key" };

export function apiFieldName(name: string): string {
  return name in ORDER_FIELDS ? ORDER_FIELDS[name as OrderField].api : (OTHER_API_NAMES[name] ?? name);
}

/** Fields whose range refusals are, to an API client, quantity limits. */
const QUANTITY_FIELDS = ["quantity", "runs", "comments", "usernames", "min", "max"];

const BY_CODE: Partial<Record<Failure["code"], string>> = {
  service_unavailable: API_ERRORS.incorrectService,
  type_unsupported: API_ERRORS.incorrectService,
  product_unavailable: API_ERRORS.incorrectProduct,
  not_enough_funds: API_ERRORS.noFunds,
  not_found: API_ERRORS.incorrectOrder,
};

function rangeText(issue: FieldIssue): string | null {
  if (issue.code === "below_min" && issue.data?.min !== undefined) return quantityBelowMin(String(issue.data.min));
  if (issue.code === "above_max" && issue.data?.max !== undefined) return quantityAboveMax(String(issue.data.max));
  return null;
}

export function refusalText(failure: Failure): string {
  const fields = Object.entries(failure.fields ?? {});
  if (fields.length === 0) return BY_CODE[failure.code] ?? failure.message;
  const issues = new Map(fields);
  if (issues.has("serviceId")) return API_ERRORS.incorrectService;
  if (issues.has("productId")) return API_ERRORS.incorrectProduct;
  for (const name of QUANTITY_FIELDS) {
    const issue = issues.get(name);
    const text = issue && rangeText(issue);
    if (text) return text;
  }
  const [name, issue] = fields[0];
  return `${API_ERRORS.incorrectRequest}: ${apiFieldName(name)}: ${issue.message}`;
}

/** Parses an action's input at the boundary; a refusal names the first bad field the API's way. */
export function parseOrRefuse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const [name, message] = Object.entries(fieldErrorsOf(parsed.error))[0] ?? ["request", "invalid"];
  if (name === "serviceId") throw new ApiRefusal(API_ERRORS.incorrectService);
  if (name === "productId") throw new ApiRefusal(API_ERRORS.incorrectProduct);
  throw incorrectRequest(`${apiFieldName(name)}: ${message}`);
}
