// What the simulated panel demands of an `add`, per service type (which fields, from the
// service-type table), with the texts real panels answer. Fields a type does not take are ignored, as real panels do; tests check what the
// client sent through the recorded request instead.
import { ORDER_FIELDS } from "@/lib/service-types/fields";
import { SERVICE_TYPES } from "@/lib/service-types/names";
import { SERVICE_TYPE_TABLE, type FieldUse } from "@/lib/service-types/service-types";
import type { SimService } from "./catalog";

export type ValidAdd = { link: string | null; units: number; runs: number | null; interval: number | null };
export type AddCheck = { ok: true; add: ValidAdd } | { ok: false; error: string };

const INCORRECT_REQUEST = "Incorrect request";
/** Subscription delays real panels offer, in minutes. */
const SUBSCRIPTION_DELAYS = new Set([0, 5, 10, 15, 30, 60, 90, 120, 150, 180, 210, 240, 270, 300, 360, 420, 480, 540, 600]);

type Params = { get(name: string): string | null };

function text(params: Params, name: string): string | null {
  const value = params.get(name)?.trim();
  return value ? value : null;
}

function wholeNumber(params: Params, name: string): number | null {
  const value = text(params, name);
  return value !== null && /^\d{1,12}$/.test(value) ? Number(value) : null;
}

function lineCount(list: string): number {
  return list.split(/\r?\n/).filter((line) => line.trim() !== "").length;
}

function limitError(service: SimService, units: number): string | null {
  if (units < service.min) return `Quantity less than minimal ${service.min}`;
  if (units > service.max) return `Quantity more than maximum ${service.max}`;
  return null;
}

const apiNames = (uses: readonly FieldUse[], leaveOut: string[]) =>
  uses.filter((use) => !use.optional && !leaveOut.includes(use.field)).map((use) => ORDER_FIELDS[use.field].api);

/** Types whose quantity is a field, with the other fields they require (from the service-type table). */
const QUANTITY_EXTRAS: Partial<Record<SimService["type"], string[]>> = Object.fromEntries(
  SERVICE_TYPES.filter((type) => SERVICE_TYPE_TABLE[type].billing.by === "quantity").map((type) => [
    type,
    apiNames(SERVICE_TYPE_TABLE[type].fields, ["link", "quantity"]),
  ]),
);

/** Types whose quantity is the number of lines of a list field. */
const LINE_COUNTED: Partial<Record<SimService["type"], { list: string; extras: string[] }>> = Object.fromEntries(
  SERVICE_TYPES.flatMap((type) => {
    const { billing, fields } = SERVICE_TYPE_TABLE[type];
    return billing.by === "lines" ? [[type, { list: ORDER_FIELDS[billing.list].api, extras: apiNames(fields, ["link", billing.list]) }]] : [];
  }),
);

export function checkAdd(service: SimService, params: Params): AddCheck {
  const refuse = (error: string): AddCheck => ({ ok: false, error });
  if (service.type === "Subscriptions") return checkSubscription(service, params);
  const link = text(params, "link");
  if (link === null) return refuse(INCORRECT_REQUEST);

  if (service.type === "Package") return { ok: true, add: { link, units: 1, runs: null, interval: null } };
  if (service.type === "Custom Comments Package") {
    const comments = text(params, "comments");
    return comments === null ? refuse(INCORRECT_REQUEST) : { ok: true, add: { link, units: lineCount(comments), runs: null, interval: null } };
  }

  const counted = LINE_COUNTED[service.type];
  if (counted) {
    const list = text(params, counted.list);
    if (list === null || counted.extras.some((name) => text(params, name) === null)) return refuse(INCORRECT_REQUEST);
    const units = lineCount(list);
    const tooFewOrMany = limitError(service, units);
    return tooFewOrMany ? refuse(tooFewOrMany) : { ok: true, add: { link, units, runs: null, interval: null } };
  }

  const extras = QUANTITY_EXTRAS[service.type] ?? [];
  const quantity = wholeNumber(params, "quantity");
  if (quantity === null || extras.some((name) => text(params, name) === null)) return refuse(INCORRECT_REQUEST);
  if (service.type === "Poll" && !(wholeNumber(params, "answer_number")! >= 1)) return refuse(INCORRECT_REQUEST);
  const tooFewOrMany = limitError(service, quantity);
  if (tooFewOrMany) return refuse(tooFewOrMany);

  const runsText = text(params, "runs");
  const intervalText = text(params, "interval");
  if (service.type !== "Default" || (runsText === null && intervalText === null)) {
    return { ok: true, add: { link, units: quantity, runs: null, interval: null } };
  }
  if (!service.dripfeed) return refuse("Drip-feed is disabled for this service");
  const runs = wholeNumber(params, "runs");
  const interval = wholeNumber(params, "interval");
  if (runs === null || interval === null || runs < 1 || interval < 1) return refuse(INCORRECT_REQUEST);
  return { ok: true, add: { link, units: quantity * runs, runs, interval } };
}

/**
 * Subscriptions order `min`..`max` per post, for `posts` new posts and `old_posts` existing ones;
 * priced at `max` per post. `posts=0` with old posts (or old posts alone) is "old posts only".
 */
function checkSubscription(service: SimService, params: Params): AddCheck {
  const refuse = (error: string): AddCheck => ({ ok: false, error });
  const min = wholeNumber(params, "min");
  const max = wholeNumber(params, "max");
  const delay = wholeNumber(params, "delay");
  if (text(params, "username") === null || min === null || max === null || delay === null || min > max) return refuse(INCORRECT_REQUEST);
  if (!SUBSCRIPTION_DELAYS.has(delay)) return refuse(INCORRECT_REQUEST);
  const oldPosts = text(params, "old_posts") === null ? 0 : wholeNumber(params, "old_posts");
  if (oldPosts === null) return refuse(INCORRECT_REQUEST);
  const posts = text(params, "posts") === null ? (oldPosts > 0 ? 0 : 1) : wholeNumber(params, "posts");
  if (posts === null || posts + oldPosts < 1) return refuse(INCORRECT_REQUEST);
  const expiry = text(params, "expiry");
  if (expiry !== null && !/^\d{2}\/\d{2}\/\d{4}$/.test(expiry)) return refuse(INCORRECT_REQUEST);
  const tooFewOrMany = limitError(service, min) ?? limitError(service, max);
  if (tooFewOrMany) return refuse(tooFewOrMany);
  return { ok: true, add: { link: null, units: max * (posts + oldPosts), runs: null, interval: null } };
}
