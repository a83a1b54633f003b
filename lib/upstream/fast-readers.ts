// The two answers read in bulk — `status` for batches of 100 orders on every poll, `services`
// with thousands of listings on every catalog sync — read without zod in the well-formed case.
// Each gives exactly what its zod schema in schemas.ts gives; for anything else it answers null
// and the caller asks the schema, so the schema stays the contract and its errors stay the words
// callers see (fast-readers.test.ts checks both against the schemas on generated input).
import { parseDecimal } from "@/lib/money";
import { classifyOrderStatus } from "./statuses";
import type { OrderStatus, ServiceListing } from "./types";
import { parseCount, parseFlag, parseOptionalText } from "./values";

/** zText's accepted inputs: text, or a finite number (zod's number refuses NaN and ±Infinity). */
const text = (value: unknown): string | null =>
  typeof value === "string" ? value : typeof value === "number" && Number.isFinite(value) ? String(value) : null;

/**
 * zOrderStatus without zod, for the answer every poll reads by the hundred. Every field but
 * `status` is read by a transform that accepts anything, so for a plain object whose status is
 * text or a number this gives exactly what zOrderStatus gives; for anything else it answers
 * null and the caller asks zOrderStatus, whose errors stay the contract.
 */
export function readOrderStatusFast(item: unknown): OrderStatus | null {
  if (item === null || typeof item !== "object" || Array.isArray(item)) return null;
  const { charge, start_count, status, remains, currency } = item as Record<string, unknown>;
  const statusText = text(status);
  if (statusText === null) return null;
  const currencyText = parseOptionalText(currency);
  return {
    charge: parseDecimal(charge),
    startCount: parseCount(start_count),
    status: statusText,
    statusClass: classifyOrderStatus(statusText),
    remains: parseCount(remains),
    currency: currencyText?.trim() ? currencyText : null,
  };
}

/** zId's accepted inputs: non-empty text (trimmed), or a safe whole number. */
function id(value: unknown): string | null {
  if (typeof value === "number") return Number.isSafeInteger(value) ? String(value) : null;
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed ? trimmed : null;
}

/** zServiceList without zod: the listings, or null if any one of them needs the schema's word. */
export function readServiceListFast(json: unknown): ServiceListing[] | null {
  if (!Array.isArray(json)) return null;
  const listings: ServiceListing[] = new Array(json.length);
  for (let i = 0; i < json.length; i++) {
    const item: unknown = json[i];
    if (item === null || typeof item !== "object" || Array.isArray(item)) return null;
    const row = item as Record<string, unknown>;
    const service = id(row.service);
    const name = text(row.name);
    const type = text(row.type);
    const category = text(row.category);
    const rate = parseDecimal(row.rate);
    const min = parseCount(row.min);
    const max = parseCount(row.max);
    if (service === null || name === null || type === null || category === null || rate === null || min === null || max === null) return null;
    const listing: ServiceListing = {
      service,
      name,
      type,
      category,
      rate,
      min,
      max,
      refill: parseFlag(row.refill),
      cancel: parseFlag(row.cancel),
      dripfeed: parseFlag(row.dripfeed),
    };
    const description = parseOptionalText(row.description) ?? parseOptionalText(row.desc);
    if (description !== null) listing.description = description;
    listings[i] = listing;
  }
  return listings;
}
