// One Decimal constructor for the whole panel. Precision is generous so that products of
// upstream rates (up to 8 decimals) and quantities are computed exactly before rounding.
import DecimalJs from "decimal.js";

export const Decimal = DecimalJs.clone({ precision: 60, rounding: DecimalJs.ROUND_HALF_EVEN, toExpNeg: -40, toExpPos: 40 });
export type Decimal = InstanceType<typeof Decimal>;

/** Ledger amounts are kept to 1/1,000,000 of the panel currency (numeric(20,6) in the database). */
export const LEDGER_SCALE = 6;

/** What can be written at ledger scale: our Decimal, Prisma's Decimal (a database column). */
export type LedgerValue = { toFixed(decimalPlaces: number): string };

/**
 * The ledger-scale text of an amount ("12.500000"), as stored and compared everywhere. Rounds as
 * the value's own Decimal class does (amounts at ledger scale are exact, so nothing is rounded).
 * Display goes through lib/money/format.ts instead.
 */
export function toLedgerString(value: LedgerValue): string {
  return value.toFixed(LEDGER_SCALE);
}

const EXACT_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Parses a money or count value exactly as it was written. Strings go straight to Decimal;
 * JSON numbers are turned into their shortest decimal text first (what the sender wrote),
 * never into a binary float sum. Returns null for anything that is not a finite number.
 */
export function parseDecimal(value: unknown): Decimal | null {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return null;
    return new Decimal(String(value));
  }
  if (typeof value === "bigint") return new Decimal(value.toString());
  if (typeof value !== "string") return null;
  const text = value.trim();
  if (!EXACT_NUMBER.test(text)) return null;
  return new Decimal(text);
}

export function toDecimal(value: Decimal | string | bigint | { toString(): string }): Decimal {
  if (value instanceof Decimal) return value;
  const parsed = parseDecimal(typeof value === "string" || typeof value === "bigint" ? value : value.toString());
  if (!parsed) throw new Error(`Not a decimal value: ${String(value)}`);
  return parsed;
}
