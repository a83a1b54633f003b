// zod building blocks for the loose value types panels send: ids and counts as numbers or
// strings, flags as true/1/"1", money as strings with many decimals. Money never touches a float.
import { z } from "zod";
import { parseDecimal } from "@/lib/money";

/** Ids become strings: `23501` and `"23501"` must be the same order. */
export const zId = z.union([z.string(), z.number()]).transform((value, ctx) => {
  if (typeof value === "number" && !Number.isSafeInteger(value)) {
    ctx.addIssue("id is not a whole number");
    return z.NEVER;
  }
  const text = String(value).trim();
  if (!text) {
    ctx.addIssue("id is empty");
    return z.NEVER;
  }
  return text;
});

/** Names and categories occasionally arrive as numbers. */
export const zText = z.union([z.string(), z.number()]).transform(String);

/** Text if it is text or a number, else null (zOptionalText's rule, for readers without zod). */
export function parseOptionalText(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  return null;
}

export const zOptionalText = z.unknown().transform(parseOptionalText)
  // zod 4 treats a transform's output as required; the default makes the key optional.
  .default(null);

export const zMoney = z.unknown().transform((value, ctx) => {
  const amount = parseDecimal(value);
  if (!amount) {
    ctx.addIssue(`not an exact decimal amount (${JSON.stringify(value) ?? "missing"})`);
    return z.NEVER;
  }
  return amount;
});

/** Missing, null or text such as "Unknown" means "not reported". */
export const zOptionalMoney = z
  .unknown()
  .transform((value) => parseDecimal(value))
  .default(null);

const PLAIN_DIGITS = /^\d+$/;

export function parseCount(value: unknown): number | null {
  // The common cases without a Decimal: a safe whole JSON number, or plain digits as text.
  if (typeof value === "number" && Number.isSafeInteger(value)) return value + 0;
  if (typeof value === "string") {
    const text = value.trim();
    if (text.length <= 15 && PLAIN_DIGITS.test(text)) return Number(text);
  }
  const amount = parseDecimal(value);
  if (!amount || !amount.isInteger()) return null;
  const count = amount.toNumber();
  return Number.isSafeInteger(count) ? count : null;
}

export const zCount = z.unknown().transform((value, ctx) => {
  const count = parseCount(value);
  if (count === null) {
    ctx.addIssue(`not a whole number (${JSON.stringify(value) ?? "missing"})`);
    return z.NEVER;
  }
  return count;
});

export const zOptionalCount = z.unknown().transform(parseCount).default(null);

const TRUE_FLAGS = new Set(["1", "true", "yes"]);

/** A capability flag; anything not clearly "yes" is "no", the side that promises nothing. */
export function parseFlag(value: unknown): boolean {
  if (value === true || value === 1) return true;
  if (typeof value === "string") return TRUE_FLAGS.has(value.trim().toLowerCase());
  return false;
}

export const zFlag = z.unknown().transform(parseFlag)
  .default(false);

/** The text of an `{"error": ...}` object nested inside a batch item, or null if it is not one. */
export function nestedErrorText(value: unknown): string | null {
  if (value === null || typeof value !== "object" || Array.isArray(value) || !("error" in value)) return null;
  const error = (value as { error: unknown }).error;
  return typeof error === "string" ? error : JSON.stringify(error);
}
