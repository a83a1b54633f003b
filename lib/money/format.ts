// The one way the panel shows an amount of money, on customer and staff pages alike: the exact
// stored value (numeric(20,6)), trailing zeros trimmed down to 2 decimals, in the panel currency
// through Intl. The decimal string goes to Intl as a string (exact, never a JS number), and any
// digit beyond 6 decimals is cut, never rounded up, so a balance is never shown above itself.
import { Decimal, toDecimal } from "./decimal";

type MoneyInput = Decimal | string | bigint | { toString(): string };

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string, locale: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      ...(currency ? { style: "currency", currency, currencyDisplay: "narrowSymbol" } : {}),
      minimumFractionDigits: 2,
      maximumFractionDigits: 6,
      roundingMode: "trunc",
    } as Intl.NumberFormatOptions);
    formatters.set(key, formatter);
  }
  return formatter;
}

/** The exact decimal text of an amount: at least 2 decimals, at most 6, no trailing zeros beyond 2. */
export function exactMoneyText(amount: MoneyInput): string {
  const text = toDecimal(amount).toDecimalPlaces(6, Decimal.ROUND_DOWN).toFixed(6).replace(/0+$/, "");
  const [whole, fraction = ""] = text.split(".");
  return `${whole}.${fraction.padEnd(2, "0")}`;
}

/**
 * "$1,234.5678" for ("1234.567800", "USD"); "1,234.50" without a currency. An unknown currency
 * code falls back to "1,234.50 XYZ" instead of throwing.
 */
export function formatMoney(amount: MoneyInput, currency = "", locale = "en-US"): string {
  const exact = exactMoneyText(amount);
  let formatter: Intl.NumberFormat;
  try {
    formatter = formatterFor(currency, locale);
  } catch {
    return `${formatterFor("", locale).format(exact as unknown as number)} ${currency}`;
  }
  // Intl.NumberFormat v3 takes a decimal string and formats it exactly (no float conversion).
  return formatter
    .formatToParts(exact as unknown as number)
    .map((part) => part.value)
    .join("");
}
