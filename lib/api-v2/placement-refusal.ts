// Placing an order goes through lib/orders, which speaks to people ("The minimum is 100."). API
// clients expect the protocol's texts, so its answers are translated here; nothing is
// re-validated. Field names go back to the API's spelling.
import { API_ERRORS, quantityAboveMax, quantityBelowMin } from "./errors";

type Refusal = { error: string; fieldErrors?: Record<string, string | undefined> };

const API_FIELD_NAMES: Record<string, string> = {
  serviceId: "service",
  productId: "product",
  answerNumber: "answer_number",
  oldPosts: "old_posts",
  idempotencyKey: "idempotency_key",
};

/** Fields whose range errors are, to an API client, quantity limits. */
const QUANTITY_FIELDS = ["quantity", "runs", "comments", "usernames", "min", "max"];

export function placementRefusalText(refusal: Refusal): string {
  const fieldErrors = Object.entries(refusal.fieldErrors ?? {}).filter((entry): entry is [string, string] => !!entry[1]);
  if (fieldErrors.length === 0) return refusal.error;
  const errors = new Map(fieldErrors);
  if (errors.has("serviceId")) return API_ERRORS.incorrectService;
  if (errors.has("productId")) return API_ERRORS.incorrectProduct;
  for (const name of QUANTITY_FIELDS) {
    const message = errors.get(name);
    if (!message) continue;
    const below = /\bminimum is (\d+)/i.exec(message);
    if (below) return quantityBelowMin(below[1]);
    const above = /\b(?:maximum is|at most) (\d+)/i.exec(message);
    if (above) return quantityAboveMax(above[1]);
  }
  const [name, message] = fieldErrors[0];
  return `${API_ERRORS.incorrectRequest}: ${API_FIELD_NAMES[name] ?? name}: ${message}`;
}
