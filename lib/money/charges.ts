// Charge, refund and markup arithmetic, and currency conversion. Rounding never costs the panel:
// a customer's charge and a marked-up rate are rounded up to the ledger scale, a refund down.
// Which price an item sells at is lib/pricing's business.
import { Decimal, LEDGER_SCALE, toDecimal } from "./decimal";

type DecimalInput = Decimal | string;

/** Charge rounded up to the ledger scale. */
export function roundCharge(amount: DecimalInput): Decimal {
  return toDecimal(amount).toDecimalPlaces(LEDGER_SCALE, Decimal.ROUND_UP);
}

/** Refund rounded down to the ledger scale. */
export function roundRefund(amount: DecimalInput): Decimal {
  return toDecimal(amount).toDecimalPlaces(LEDGER_SCALE, Decimal.ROUND_DOWN);
}

/** A service's charge: rate is per 1000 units. */
export function serviceCharge(ratePer1000: DecimalInput, quantity: bigint | number): Decimal {
  return roundCharge(toDecimal(ratePer1000).times(String(quantity)).dividedBy(1000));
}

/** A product's charge: rate is per unit. */
export function productCharge(ratePerUnit: DecimalInput, quantity: bigint | number): Decimal {
  return roundCharge(toDecimal(ratePerUnit).times(String(quantity)));
}

/**
 * Refund for an order that ended Partial: charge × remains / quantity, rounded down.
 * `remains` is clamped to 0..quantity (upstreams report negative remains on over-delivery
 * and sometimes more than was ordered).
 */
export function partialRefund(charge: DecimalInput, remains: DecimalInput, quantity: bigint | number): Decimal {
  const q = new Decimal(String(quantity));
  if (q.lte(0)) return new Decimal(0);
  let r = toDecimal(remains).floor();
  if (r.lt(0)) r = new Decimal(0);
  if (r.gt(q)) r = q;
  return roundRefund(toDecimal(charge).times(r).dividedBy(q));
}

/** Sell rate from an upstream cost rate and a markup in percent ("25" for 25 %), rounded up. */
export function applyMarkup(costRate: DecimalInput, markupPercent: DecimalInput): Decimal {
  const factor = new Decimal(1).plus(toDecimal(markupPercent).dividedBy(100));
  return toDecimal(costRate).times(factor).toDecimalPlaces(LEDGER_SCALE, Decimal.ROUND_UP);
}

/** Amount converted from a provider's currency into the panel's (rate = panel units per provider unit). */
export function convertCurrency(amount: DecimalInput, rate: DecimalInput): Decimal {
  return toDecimal(amount).times(toDecimal(rate));
}
