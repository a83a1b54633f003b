// The server's rules for a service order, read from the service-type table: each field the type
// takes is checked by its kind, then the billed quantity follows the type's billing rule. Runs
// on the server before any money moves, and in the browser for the live price.
import type { FieldIssue } from "@/lib/result";
import type { AddOrderInput } from "@/lib/upstream/add-order-input";
import type { ServiceType } from "./names";
import { isFutureExpiry, isPlausibleLink, isPlausibleUsername, linesOf, SUBSCRIPTION_DELAYS } from "./field-checks";
import { ORDER_FIELDS, type OrderField } from "./fields";
import { serviceTypeSpec, type FieldUse } from "./service-types";

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** Stored in Order.params; with the service's upstream id it is exactly what `add` sends. */
export type ServiceOrderParams = DistributiveOmit<AddOrderInput, "service">;

export type ServiceForOrder = { type: string; min: number; max: number; dripfeed: boolean };

/** The order's fields as parsed at the boundary (ZPlaceOrderInput): text trimmed, numbers whole. */
export type ServiceOrderFields = Partial<Record<OrderField, string | number | undefined>>;

export type ValidatedServiceOrder = {
  link: string | null;
  /** Units billed: drip-feed runs × quantity, comment lines, usernames, 1 for a package. */
  quantity: number;
  /** Packages cost their rate once, whatever they contain. */
  flatPrice: boolean;
  params: ServiceOrderParams;
};

export type RuleResult = { ok: true; order: ValidatedServiceOrder } | { ok: false; fields: Record<string, FieldIssue> };

/** Order.quantity is a PostgreSQL integer. */
const MAX_BILLED_UNITS = 2_147_483_647;

/** What each text field must look like, beyond not being empty. */
const TEXT_CHECKS: Partial<Record<OrderField, { check: (value: string) => boolean; code: FieldIssue["code"]; message: string }>> = {
  link: { check: isPlausibleLink, code: "invalid_link", message: "Enter a full link starting with https:// or a @username." },
  hashtag: { check: (v) => /^#?[^\s#]+$/.test(v), code: "invalid_value", message: "That does not look like a valid hashtag." },
  username: { check: isPlausibleUsername, code: "invalid_value", message: "That does not look like a valid username." },
  media: { check: isPlausibleLink, code: "invalid_value", message: "That does not look like a valid media link." },
};

export function validateServiceOrder(service: ServiceForOrder, input: ServiceOrderFields, now = new Date()): RuleResult {
  const found = serviceTypeSpec(service.type);
  if (!found) return { ok: false, fields: { serviceId: { code: "type_unsupported", message: "This service cannot be ordered here." } } };
  const { type, spec } = found;
  const issues: Record<string, FieldIssue> = {};
  const fail = (field: string, code: FieldIssue["code"], message: string, data?: FieldIssue["data"]) => {
    issues[field] ??= data ? { code, message, data } : { code, message };
  };
  const inRange = (field: string, value: number) => {
    if (value < service.min) fail(field, "below_min", `The minimum is ${service.min}.`, { min: service.min });
    else if (value > service.max) fail(field, "above_max", `The maximum is ${service.max}.`, { max: service.max });
  };
  const value = (use: FieldUse): string | string[] | number | undefined => readField(use, input, fail);

  if (spec.billing.by === "subscription") {
    const sub = subscription(service, input, now, fail);
    return finish(type, spec.flatPrice, null, sub.billed, sub.params, issues, fail);
  }

  const values: Record<string, string | string[] | number> = {};
  for (const use of spec.fields) {
    const got = value(use);
    if (got !== undefined) values[use.field] = got;
  }
  const link = (values.link as string | undefined) ?? "";
  // Where the type defines the quantity itself (a list's lines, a package), a zero quantity means
  // "not given": clients written for these panels (PHP's smm-api-php) always send one, 0 when unused.
  const quantityGiven = input.quantity === 0 ? undefined : (input.quantity as number | undefined);
  let billed = 0;
  let dripFeed: { runs: number; interval: number } | undefined;
  switch (spec.billing.by) {
    case "quantity": {
      const q = (values.quantity as number | undefined) ?? 0;
      dripFeed = spec.dripFeed && (input.runs !== undefined || input.interval !== undefined) ? dripFeedOf(service, input, q, fail) : undefined;
      if (!dripFeed) inRange("quantity", q);
      billed = q * (dripFeed ? Math.max(dripFeed.runs, 1) : 1);
      break;
    }
    case "lines": {
      const items = (values[spec.billing.list] as string[] | undefined) ?? [];
      if (quantityGiven !== undefined && quantityGiven !== items.length) {
        fail("quantity", "quantity_mismatch", `The quantity is the number of lines (${items.length}).`, { lines: items.length });
      }
      if (items.length) inRange(spec.billing.list, items.length);
      billed = items.length;
      break;
    }
    case "package":
      if (quantityGiven !== undefined && quantityGiven !== 1) fail("quantity", "invalid_value", "A package has no quantity: leave it out or send 0 or 1.");
      billed = 1;
      break;
    case "package-lines":
      // Priced per package, but remains come back in lines: refunds are per line.
      billed = Math.max(((values[spec.billing.list] as string[] | undefined) ?? []).length, 1);
      break;
  }
  const params = { type, ...values, ...(dripFeed ? { dripFeed } : {}) } as ServiceOrderParams;
  return finish(type, spec.flatPrice, link, billed, params, issues, fail);
}

function finish(
  type: ServiceType,
  flatPrice: boolean,
  link: string | null,
  billed: number,
  params: ServiceOrderParams,
  issues: Record<string, FieldIssue>,
  fail: (field: string, code: FieldIssue["code"], message: string) => void,
): RuleResult {
  if (billed > MAX_BILLED_UNITS) fail("quantity", "too_large", "That order is too large.");
  if (Object.keys(issues).length) return { ok: false, fields: issues };
  return { ok: true, order: { link: type === "Subscriptions" ? null : link, quantity: billed, flatPrice, params } };
}

type Fail = (field: string, code: FieldIssue["code"], message: string, data?: FieldIssue["data"]) => void;

/** One field by its kind: required unless optional, text checked, lists split into lines. */
function readField(use: FieldUse, input: ServiceOrderFields, fail: Fail): string | string[] | number | undefined {
  const spec = ORDER_FIELDS[use.field];
  const what = use.what ?? spec.what;
  const raw = input[use.field];
  if (spec.kind === "lines") {
    const items = linesOf(typeof raw === "string" ? raw : undefined);
    if (!items.length && !use.optional) fail(use.field, "required", `Enter the ${what}, one per line.`);
    return items;
  }
  if (spec.kind === "whole") {
    if (raw === undefined) {
      if (!use.optional) fail(use.field, "required", WHOLE_REQUIRED[use.field] ?? `Enter the ${what}.`);
      return undefined;
    }
    const n = Number(raw);
    if (use.field === "quantity" && n < 1) fail("quantity", "invalid_value", "Enter at least 1.");
    if (use.field === "answerNumber" && n < 1) fail("answerNumber", "invalid_value", "Enter the answer number (1 or more).");
    return n;
  }
  const text = typeof raw === "string" ? raw : "";
  if (!text) {
    if (!use.optional) fail(use.field, "required", `Enter the ${what}.`);
    return text;
  }
  const check = TEXT_CHECKS[use.field];
  if (check && !check.check(text)) fail(use.field, check.code, check.message);
  return text;
}

/** Whole-number fields whose "missing" message says more than "Enter the …". */
const WHOLE_REQUIRED: Partial<Record<OrderField, string>> = {
  answerNumber: "Enter the answer number (1 or more).",
};

function dripFeedOf(service: ServiceForOrder, input: ServiceOrderFields, quantity: number, fail: Fail): { runs: number; interval: number } {
  if (!service.dripfeed) fail("runs", "dripfeed_unavailable", "This service does not offer drip-feed.");
  const runs = (input.runs as number | undefined) ?? 0;
  const interval = (input.interval as number | undefined) ?? 0;
  if (runs < 1) fail("runs", "invalid_value", "Runs must be a whole number of at least 1.");
  if (interval < 1) fail("interval", "invalid_value", "The interval must be a whole number of minutes, at least 1.");
  if (quantity < service.min) fail("quantity", "below_min", `The minimum is ${service.min}.`, { min: service.min });
  else if (runs >= 1 && quantity * runs > service.max) fail("runs", "above_max", `Runs × quantity must be at most ${service.max}.`, { max: service.max });
  return { runs, interval };
}

/**
 * A subscription delivers min..max to each new post (`posts`) and to each existing one
 * (`old_posts`). The protocol leaves `posts` optional (unlimited); we need a number so that the
 * most it can cost is known and charged up front: max × (posts + old posts), as upstreams price
 * each post's order, refunded by remains like any other order. Panels accept `posts=0` with
 * `old_posts`, or `old_posts` alone (old posts only); then posts=0 is stored and sent upstream,
 * since a missing `posts` would ask the upstream for an unlimited subscription.
 */
function subscription(service: ServiceForOrder, input: ServiceOrderFields, now: Date, fail: Fail): { billed: number; params: ServiceOrderParams } {
  const whole = (field: OrderField) => input[field] as number | undefined;
  const username = (input.username as string | undefined) ?? "";
  if (!username) fail("username", "required", "Enter the username.");
  else if (!isPlausibleUsername(username)) fail("username", "invalid_value", "That does not look like a valid username.");
  const min = whole("min") ?? 0;
  const max = whole("max") ?? 0;
  if (whole("min") === undefined) fail("min", "required", "Enter the minimum per post.");
  else if (min < service.min) fail("min", "below_min", `The minimum is ${service.min}.`, { min: service.min });
  if (whole("max") === undefined) fail("max", "required", "Enter the maximum per post.");
  else if (max > service.max) fail("max", "above_max", `The maximum is ${service.max}.`, { max: service.max });
  else if (max < min) fail("max", "invalid_value", "The maximum must not be below the minimum.");
  const posts = whole("posts") ?? 0;
  const oldPosts = whole("oldPosts") ?? 0;
  if (posts < 0) fail("posts", "invalid_value", "The number of new posts cannot be negative.");
  if (oldPosts < 0) fail("oldPosts", "invalid_value", "Old posts cannot be negative.");
  else if (posts < 1 && oldPosts < 1) fail("posts", "invalid_value", "Enter how many new posts (1 or more), or a number of old posts.");
  const delay = whole("delay") ?? 0;
  if (!(SUBSCRIPTION_DELAYS as readonly number[]).includes(delay)) {
    fail("delay", "invalid_value", `The delay must be one of ${SUBSCRIPTION_DELAYS.join(", ")} minutes.`);
  }
  const expiry = (input.expiry as string | undefined) ?? "";
  if (!expiry) fail("expiry", "required", "Enter the expiry date (dd/mm/yyyy).");
  else if (!isFutureExpiry(expiry, now)) fail("expiry", "invalid_value", "The expiry must be a future date written dd/mm/yyyy.");
  const params: ServiceOrderParams = { type: "Subscriptions", username, min, max, posts, delay, expiry };
  if (whole("oldPosts") !== undefined) params.oldPosts = oldPosts;
  return { billed: max * (posts + Math.max(oldPosts, 0)), params };
}
