// What each service type needs before any money moves, and what is then sent upstream. The
// billed quantity is what the charge and a later Partial refund are computed on.
import { canonicalServiceType, type AddOrderInput, type ServiceType } from "@/lib/upstream/add-order-input";
import { type Decimal, serviceCharge, roundCharge } from "@/lib/money";
import { isFutureExpiry, isPlausibleLink, isPlausibleUsername, linesOf, SUBSCRIPTION_DELAYS } from "./order-fields";
import type { ParsedPlaceOrderInput } from "./schemas";

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** Stored in Order.params; with the service's upstream id it is exactly what `add` sends. */
export type ServiceOrderParams = DistributiveOmit<AddOrderInput, "service">;

export type ServiceForOrder = { type: string; min: number; max: number; dripfeed: boolean };

export type ValidatedServiceOrder = {
  link: string | null;
  /** Units billed: drip-feed runs × quantity, comment lines, usernames, 1 for a package. */
  quantity: number;
  /** Packages cost their rate once, whatever they contain. */
  flatPrice: boolean;
  params: ServiceOrderParams;
};

export type RuleResult = { ok: true; order: ValidatedServiceOrder } | { ok: false; fieldErrors: Record<string, string> };

/** Packages are priced per package: the listed rate is the package's price. */
const FLAT_PRICED: ReadonlySet<ServiceType> = new Set(["Package", "Custom Comments Package"]);

/** Order.quantity is a PostgreSQL integer. */
const MAX_BILLED_UNITS = 2_147_483_647;

export function validateServiceOrder(service: ServiceForOrder, input: ParsedPlaceOrderInput, now = new Date()): RuleResult {
  const type = canonicalServiceType(service.type);
  if (!type) return { ok: false, fieldErrors: { serviceId: "This service cannot be ordered here." } };
  const errors: Record<string, string> = {};
  const fail = (field: string, message: string) => {
    errors[field] ??= message;
  };
  const inRange = (field: string, value: number) => {
    if (value < service.min) fail(field, `The minimum is ${service.min}.`);
    else if (value > service.max) fail(field, `The maximum is ${service.max}.`);
  };

  const link = input.link ?? "";
  if (type !== "Subscriptions") {
    if (!link) fail("link", "Enter the link.");
    else if (!isPlausibleLink(link)) fail("link", "Enter a full link starting with https:// or a @username.");
  }
  const quantity = (): number => {
    if (input.quantity === undefined) {
      fail("quantity", "Enter the quantity.");
      return 0;
    }
    if (input.quantity < 1) fail("quantity", "Enter at least 1.");
    return input.quantity;
  };
  const list = (field: "comments" | "usernames" | "hashtags", what: string): string[] => {
    const items = linesOf(input[field]);
    if (!items.length) fail(field, `Enter the ${what}, one per line.`);
    return items;
  };
  const text = (field: "hashtag" | "username" | "media", what: string, check?: (v: string) => boolean): string => {
    const value = input[field] ?? "";
    if (!value) fail(field, `Enter the ${what}.`);
    else if (check && !check(value)) fail(field, `That does not look like a valid ${what}.`);
    return value;
  };
  /** Lists whose length is the quantity: a quantity given alongside must agree. */
  const countOf = (field: string, items: string[]): number => {
    if (input.quantity !== undefined && input.quantity !== items.length) {
      fail("quantity", `The quantity is the number of lines (${items.length}).`);
    }
    if (items.length) inRange(field, items.length);
    return items.length;
  };

  let billed = 0;
  let params: ServiceOrderParams;
  switch (type) {
    case "Default": {
      const q = quantity();
      const dripFeed = input.runs !== undefined || input.interval !== undefined;
      if (!dripFeed) {
        inRange("quantity", q);
        billed = q;
        params = { type, link, quantity: q };
        break;
      }
      if (!service.dripfeed) fail("runs", "This service does not offer drip-feed.");
      const runs = input.runs ?? 0;
      const interval = input.interval ?? 0;
      if (runs < 1) fail("runs", "Runs must be a whole number of at least 1.");
      if (interval < 1) fail("interval", "The interval must be a whole number of minutes, at least 1.");
      if (q < service.min) fail("quantity", `The minimum is ${service.min}.`);
      else if (runs >= 1 && q * runs > service.max) fail("runs", `Runs × quantity must be at most ${service.max}.`);
      billed = q * Math.max(runs, 1);
      params = { type, link, quantity: q, dripFeed: { runs, interval } };
      break;
    }
    case "Package":
      if (input.quantity !== undefined && input.quantity !== 1) fail("quantity", "A package has no quantity.");
      billed = 1;
      params = { type, link };
      break;
    case "Custom Comments": {
      const comments = list("comments", "comments");
      billed = countOf("comments", comments);
      params = { type, link, comments };
      break;
    }
    case "Custom Comments Package": {
      // Priced per package, but remains come back in comments: refunds are per comment line.
      const comments = list("comments", "comments");
      billed = Math.max(comments.length, 1);
      params = { type, link, comments };
      break;
    }
    case "Mentions":
    case "Mentions with Hashtags": {
      billed = quantity();
      inRange("quantity", billed);
      const usernames = list("usernames", "usernames");
      params =
        type === "Mentions"
          ? { type, link, quantity: billed, usernames }
          : { type, link, quantity: billed, usernames, hashtags: list("hashtags", "hashtags") };
      break;
    }
    case "Mentions Custom List": {
      const usernames = list("usernames", "usernames");
      billed = countOf("usernames", usernames);
      params = { type, link, usernames };
      break;
    }
    case "Mentions Hashtag":
      billed = quantity();
      inRange("quantity", billed);
      params = { type, link, quantity: billed, hashtag: text("hashtag", "hashtag", (v) => /^#?[^\s#]+$/.test(v)) };
      break;
    case "Mentions User Followers":
    case "Comment Likes":
      billed = quantity();
      inRange("quantity", billed);
      params = { type, link, quantity: billed, username: text("username", "username", isPlausibleUsername) };
      break;
    case "Mentions Media Likers":
      billed = quantity();
      inRange("quantity", billed);
      params = { type, link, quantity: billed, media: text("media", "media link", isPlausibleLink) };
      break;
    case "Poll": {
      billed = quantity();
      inRange("quantity", billed);
      const answerNumber = input.answerNumber ?? 0;
      if (answerNumber < 1) fail("answerNumber", "Enter the answer number (1 or more).");
      params = { type, link, quantity: billed, answerNumber };
      break;
    }
    case "Comment Replies": {
      const username = text("username", "username", isPlausibleUsername);
      const comments = list("comments", "replies");
      billed = countOf("comments", comments);
      params = { type, link, username, comments };
      break;
    }
    case "Subscriptions":
      ({ billed, params } = subscription(service, input, now, fail));
      break;
  }
  if (billed > MAX_BILLED_UNITS) fail("quantity", "That order is too large.");
  if (Object.keys(errors).length) return { ok: false, fieldErrors: errors };
  return { ok: true, order: { link: type === "Subscriptions" ? null : link, quantity: billed, flatPrice: FLAT_PRICED.has(type), params } };
}

/**
 * A subscription delivers min..max to each new post. The protocol leaves `posts` optional
 * (unlimited); we require it so that the most it can cost is known and charged up front:
 * max × posts, as upstreams price it, refunded by remains like any other order.
 */
function subscription(
  service: ServiceForOrder,
  input: ParsedPlaceOrderInput,
  now: Date,
  fail: (field: string, message: string) => void,
): { billed: number; params: ServiceOrderParams } {
  const username = input.username ?? "";
  if (!username) fail("username", "Enter the username.");
  else if (!isPlausibleUsername(username)) fail("username", "That does not look like a valid username.");
  const min = input.min ?? 0;
  const max = input.max ?? 0;
  if (input.min === undefined) fail("min", "Enter the minimum per post.");
  else if (min < service.min) fail("min", `The minimum is ${service.min}.`);
  if (input.max === undefined) fail("max", "Enter the maximum per post.");
  else if (max > service.max) fail("max", `The maximum is ${service.max}.`);
  else if (max < min) fail("max", "The maximum must not be below the minimum.");
  const posts = input.posts ?? 0;
  if (posts < 1) fail("posts", "Enter how many new posts (1 or more).");
  const oldPosts = input.oldPosts ?? 0;
  if (oldPosts < 0) fail("oldPosts", "Old posts cannot be negative.");
  const delay = input.delay ?? 0;
  if (!(SUBSCRIPTION_DELAYS as readonly number[]).includes(delay)) fail("delay", `The delay must be one of ${SUBSCRIPTION_DELAYS.join(", ")} minutes.`);
  const expiry = input.expiry ?? "";
  if (!expiry) fail("expiry", "Enter the expiry date (dd/mm/yyyy).");
  else if (!isFutureExpiry(expiry, now)) fail("expiry", "The expiry must be a future date written dd/mm/yyyy.");
  const params: ServiceOrderParams = { type: "Subscriptions", username, min, max, posts, delay, expiry };
  if (input.oldPosts !== undefined) params.oldPosts = oldPosts;
  return { billed: max * posts, params };
}

/** The customer's charge for a validated order at the service's sell rate (per 1000, or per package). */
export function serviceOrderCharge(sellRate: Decimal | string, order: Pick<ValidatedServiceOrder, "quantity" | "flatPrice">): Decimal {
  return order.flatPrice ? roundCharge(sellRate) : serviceCharge(sellRate, order.quantity);
}

/** The `add` input for a stored order. */
export function addInputFor(upstreamServiceId: string, params: ServiceOrderParams): AddOrderInput {
  return { ...params, service: upstreamServiceId } as AddOrderInput;
}
