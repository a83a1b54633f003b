// The answer shapes of every action, tolerant of the variants real panels send (see values.ts),
// strict about what we act on: an answer we cannot read is indeterminate, never a guess.
import { z } from "zod";
import { classifyOrderStatus, classifyRefillStatus } from "./statuses";
import type { Balance, OrderStatus, ProductListing, ProductOrderStatus, RefillStatus, ServiceListing, UpstreamResult } from "./types";
import { zCount, zFlag, zId, zMoney, zOptionalCount, zOptionalMoney, zOptionalText, zText } from "./values";

export const zServiceListing = z
  .object({
    service: zId,
    name: zText,
    type: zText,
    category: zText,
    rate: zMoney,
    min: zCount,
    max: zCount,
    refill: zFlag,
    cancel: zFlag,
    dripfeed: zFlag,
    description: zOptionalText,
    // Some panels call it `desc`.
    desc: zOptionalText,
  })
  .transform(({ desc, description, ...listing }): ServiceListing => {
    const text = description ?? desc;
    return text === null ? listing : { ...listing, description: text };
  });

export const zServiceList = z.array(zServiceListing);

export const zProductListing = z
  .object({
    product: zId,
    name: zText,
    require: zOptionalText,
    rate: zMoney,
    min: zCount,
    max: zCount,
    category: zText,
    status: zText,
    inventory: zOptionalCount,
    type: zText,
  })
  .transform((listing): ProductListing => ({ ...listing, require: listing.require?.trim() ? listing.require : null }));

export const zProductList = z.array(zProductListing);

export const zCreatedOrder = z.object({ order: zId });

export const zOrderStatus = z
  .object({
    charge: zOptionalMoney,
    start_count: zOptionalCount,
    status: zText,
    remains: zOptionalCount,
    currency: zOptionalText,
  })
  .transform(
    ({ charge, start_count, status, remains, currency }): OrderStatus => ({
      charge,
      startCount: start_count,
      status,
      statusClass: classifyOrderStatus(status),
      remains,
      currency: currency?.trim() ? currency : null,
    }),
  );

export const zRefillStatus = z.object({ status: zText }).transform(({ status }): RefillStatus => ({ status, statusClass: classifyRefillStatus(status) }));

/** Delivered lines; some panels send one string, one line per account. */
const zResultLines = z.union([z.array(zText), z.string()]).transform((result) =>
  typeof result === "string" ? result.split(/\r?\n/).filter((line) => line.trim() !== "") : result,
);

export const zProductOrderStatus = z
  .object({
    charge: zOptionalMoney,
    status: zText,
    result: z.union([z.array(zText), zText]).optional().nullable(),
    remains: zOptionalCount,
    note: zOptionalText,
  })
  .transform(
    ({ charge, status, result, remains, note }): ProductOrderStatus => ({
      charge,
      status,
      statusClass: classifyOrderStatus(status),
      result: Array.isArray(result) ? result.join("\n") : (result ?? null),
      remains,
      note: note?.trim() ? note : null,
    }),
  );

export const zResultProduct = z.object({ result: zResultLines });

export const zBalance = z.object({ balance: zMoney, currency: zText }).transform((value): Balance => value);

/** Validates a JSON value; a mismatch is indeterminate, because a create may already have happened. */
export function parseAnswer<T>(schema: z.ZodType<T>, json: unknown, action: string): UpstreamResult<T> {
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, kind: "indeterminate", message: `${action}: unexpected answer shape (${describeIssues(parsed.error)})` };
}

export function describeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, 3).map((issue) => `${issue.path.join(".") || "answer"}: ${issue.message}`);
  const more = error.issues.length > shown.length ? `; ${error.issues.length - shown.length} more` : "";
  return shown.join("; ") + more;
}
