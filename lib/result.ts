// One result shape for domain functions: success with a value, or a refusal with a
// machine-readable code, its data ({ min: 100 }) and a message for people. Pages show the
// message; /api/v2 maps the code to the protocol's texts (lib/api-v2/refusal-text.ts). Nobody
// reads the message to find out what went wrong.

export type ErrorCode =
  // Input
  | "invalid_fields" | "required" | "invalid_value" | "invalid_link" | "below_min" | "above_max" | "too_large"
  | "quantity_mismatch" | "dripfeed_unavailable" | "type_unsupported" | "out_of_stock"
  // Placement
  | "not_enough_funds" | "service_unavailable" | "product_unavailable" | "key_reused" | "account_suspended"
  | "no_account" | "placement_failed" | "charge_not_positive"
  // Order actions
  | "not_found" | "cancel_not_offered" | "not_cancellable" | "cancel_already_requested" | "cancel_refused"
  | "cancel_unconfirmed" | "refill_not_offered" | "not_refillable" | "refill_cooldown" | "refill_refused"
  | "not_a_product" | "results_not_ready"
  // Staff and account operations
  | "not_allowed" | "email_taken" | "name_taken" | "not_a_customer" | "below_cost" | "upstream_order_taken"
  | "not_refundable" | "already_refunded" | "refund_exceeds_charge" | "balance_too_low" | "too_many_waiting"
  | "method_unavailable" | "gateway_failed" | "rate_limited" | "update_failed" | "sync_failed" | "sync_running" | "too_many_keys"
  | "nothing_to_review" | "already_decided" | "chargeback_not_owed" | "duplicate_reference"
  // Accounts (lib/accounts)
  | "email_unverified" | "link_invalid" | "link_expired" | "link_used" | "wrong_password";

export type ResultData = Record<string, string | number | boolean | null>;

/** One field's problem; `fields` of a refusal maps field names to these. */
export type FieldIssue = { code: ErrorCode; message: string; data?: ResultData };

export type Failure = {
  ok: false;
  code: ErrorCode;
  message: string;
  data?: ResultData;
  /** Per-field problems (code "invalid_fields", or a refusal that belongs beside one field). */
  fields?: Record<string, FieldIssue>;
};

export type Result<T> = { ok: true; value: T } | Failure;

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

export function fail(code: ErrorCode, message: string, extra: { data?: ResultData; fields?: Record<string, FieldIssue> } = {}): Failure {
  return { ok: false, code, message, ...extra };
}

export const INVALID_FIELDS_MESSAGE = "Check the highlighted fields.";

export function invalidFields(fields: Record<string, FieldIssue>): Failure {
  return fail("invalid_fields", INVALID_FIELDS_MESSAGE, { fields });
}

/** The messages beside each field, as forms show them. */
export function fieldMessages(failure: Pick<Failure, "fields">): Record<string, string> | undefined {
  if (!failure.fields) return undefined;
  return Object.fromEntries(Object.entries(failure.fields).map(([name, issue]) => [name, issue.message]));
}

/** A refusal that belongs beside one field: the same message on the form and beside the field. */
export function fieldRefusal(code: ErrorCode, field: string, message: string, fieldMessage = message, data?: ResultData): Failure {
  return fail(code, message, { data, fields: { [field]: { code, message: fieldMessage, data } } });
}
