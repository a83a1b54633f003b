// What a payment of a given amount costs and brings, computed once at creation and stored on the
// payment: the fee the customer pays on top, the deposit in the panel currency and the bonus.
// The customer's form shows the same figures (it calls this too), so what is shown is what is charged.
import type { PaymentGateway } from "@/lib/db/generated/enums";
import { Decimal, LEDGER_SCALE } from "@/lib/money";

// Stripe's zero- and three-decimal currencies (docs.stripe.com/currencies); every other is two.
const ZERO_DECIMAL = new Set(["BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF"]);
const THREE_DECIMAL = new Set(["BHD", "JOD", "KWD", "OMR", "TND"]);
const CRYPTO = new Set(["BTC", "ETH", "LTC", "USDT", "USDC", "TRX", "TON", "BNB", "SOL", "DOGE", "XMR", "DASH", "BCH", "DAI", "POL", "MATIC"]);

/** Decimals a currency's amounts may have (its minor unit). */
export function currencyScale(gateway: PaymentGateway, currency: string): number {
  const code = currency.toUpperCase();
  if (ZERO_DECIMAL.has(code)) return 0;
  if (THREE_DECIMAL.has(code)) return 3;
  if (gateway !== "stripe" && CRYPTO.has(code)) return 8;
  return 2;
}

/** An exact amount in minor units (Stripe's unit_amount); throws if it does not fit the unit. */
export function toMinorUnits(amount: Decimal, currency: string): number {
  const minor = amount.times(new Decimal(10).pow(currencyScale("stripe", currency)));
  if (!minor.isInteger()) throw new Error(`${amount.toFixed()} ${currency} is not a whole number of minor units`);
  if (minor.gt(Number.MAX_SAFE_INTEGER)) throw new Error("Amount too large");
  return minor.toNumber();
}

export function fromMinorUnits(minor: number, currency: string): Decimal {
  if (!Number.isSafeInteger(minor)) throw new Error(`Not a whole number of minor units: ${minor}`);
  return new Decimal(minor).dividedBy(new Decimal(10).pow(currencyScale("stripe", currency)));
}

export type QuoteMethod = {
  gateway: PaymentGateway;
  currency: string;
  exchangeRate: Decimal;
  feePercent: Decimal;
  bonusRules: { minAmount: Decimal; percent: Decimal }[];
};

export type Quote = {
  amount: Decimal;
  fee: Decimal;
  payAmount: Decimal;
  creditAmount: Decimal;
  bonusPercent: Decimal;
  bonusAmount: Decimal;
};

/** The highest percent among the rules whose threshold the amount reaches. */
export function bonusPercentFor(amount: Decimal, rules: QuoteMethod["bonusRules"]): Decimal {
  let best = new Decimal(0);
  for (const rule of rules) if (amount.gte(rule.minAmount) && rule.percent.gt(best)) best = rule.percent;
  return best;
}

export function quotePayment(method: QuoteMethod, amount: Decimal): Quote {
  const scale = currencyScale(method.gateway, method.currency);
  // Rounded up to the currency's unit so that the fee is never a fraction of a cent.
  const fee = amount.times(method.feePercent).dividedBy(100).toDecimalPlaces(scale, Decimal.ROUND_UP);
  // Rounded down: the panel never credits more than the payment is worth.
  const creditAmount = amount.times(method.exchangeRate).toDecimalPlaces(LEDGER_SCALE, Decimal.ROUND_DOWN);
  const bonusPercent = bonusPercentFor(amount, method.bonusRules);
  const bonusAmount = creditAmount.times(bonusPercent).dividedBy(100).toDecimalPlaces(LEDGER_SCALE, Decimal.ROUND_DOWN);
  return { amount, fee, payAmount: amount.plus(fee), creditAmount, bonusPercent, bonusAmount };
}
