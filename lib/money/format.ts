// The one way the panel shows an amount of money, on customer and staff pages, the CLI and the
// staff overview alike, so that two places never show one amount two ways. Three styles:
// - `exact` (the default): what was debited or credited, to the last stored digit (numeric(20,6)),
//   trailing zeros trimmed down to 2 decimals. A charge is never rounded differently from the debit.
// - `cents`: balances and totals as a shop shows them, 2 decimals; the exact value goes in a title.
// - `rate`: per-unit prices, 2 decimals, or the digits a small rate needs (3 significant ones).
// Every style cuts digits (toward zero), never rounds up: a balance is never shown above itself,
// and the staff overview and the list beside it print the same figure. The decimal string goes
// to Intl as a string (exact, never a JS number), in the panel currency.
import { Decimal, toDecimal } from "./decimal";

type MoneyInput = Decimal | string | bigint | { toString(): string };
export type MoneyStyle = "exact" | "cents" | "rate";
export type MoneyOptions = { style?: MoneyStyle; /** "+$1.00" for credits (ledger lists). */ signed?: boolean; locale?: string };

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string, locale: string, signed: boolean): Intl.NumberFormat {
  const key = `${locale}|${currency}|${signed}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      ...(currency ? { style: "currency", currency, currencyDisplay: "narrowSymbol" } : {}),
      minimumFractionDigits: 2,
      maximumFractionDigits: 6,
      roundingMode: "trunc",
      signDisplay: signed ? "exceptZero" : "auto",
    } as Intl.NumberFormatOptions);
    formatters.set(key, formatter);
  }
  return formatter;
}

/** How many decimals a style shows for this amount (at most the 6 the ledger keeps). */
function decimalsFor(value: Decimal, style: MoneyStyle): number {
  if (style === "cents") return 2;
  if (style === "exact") return 6;
  if (value.isZero() || value.abs().gte(1)) return 2;
  // A rate below 1: 3 significant digits ($0.0125), at least 2 decimals, at most 6.
  // decimal.js keeps the exponent of the first significant digit: 0.0125 → -2.
  return Math.min(6, Math.max(2, -value.e + 2));
}

function decimalText(amount: MoneyInput, decimals: number): string {
  const text = toDecimal(amount).toDecimalPlaces(decimals, Decimal.ROUND_DOWN).toFixed(decimals).replace(/0+$/, "");
  const [whole, fraction = ""] = text.split(".");
  return `${whole}.${fraction.padEnd(2, "0")}`;
}

/** The exact decimal text of an amount: at least 2 decimals, at most 6, no trailing zeros beyond 2. */
export function exactMoneyText(amount: MoneyInput): string {
  return decimalText(amount, 6);
}

function intlFormat(text: string, currency: string, locale: string, signed: boolean): string {
  try {
    // Intl.NumberFormat v3 takes a decimal string and formats it exactly (no float conversion).
    return formatterFor(currency, locale, signed).format(text as unknown as number);
  } catch {
    return `${formatterFor("", locale, signed).format(text as unknown as number)} ${currency}`;
  }
}

/**
 * "$1,234.5678" for ("1234.567800", "USD"); "1,234.50" without a currency; "$1,234.56" in the
 * `cents` style. An unknown currency code falls back to "1,234.50 XYZ" instead of throwing.
 */
export function formatMoney(amount: MoneyInput, currency = "", options: MoneyOptions = {}): string {
  return moneyDisplay(amount, currency, options).text;
}

/** The shown text and, when it is shorter than the amount, the exact one (for a title or a details line). */
export function moneyDisplay(amount: MoneyInput, currency = "", { style = "exact", signed = false, locale = "en-US" }: MoneyOptions = {}): { text: string; exact: string | null } {
  const value = toDecimal(amount);
  const shown = decimalText(value, decimalsFor(value, style));
  const full = exactMoneyText(value);
  return {
    text: intlFormat(shown, currency, locale, signed),
    exact: shown === full ? null : intlFormat(full, currency, locale, signed),
  };
}
