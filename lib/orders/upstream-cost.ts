// What an order costs us at the upstream's listed rate when it is placed, in the panel's
// currency, so that profit per order is exact (Order.upstreamCost). Computed exactly and rounded
// once to the ledger's scale.
import { Decimal, LEDGER_SCALE, toDecimal } from "@/lib/money";

type Rate = Decimal | string;

const atLedgerScale = (amount: Decimal) => amount.toDecimalPlaces(LEDGER_SCALE, Decimal.ROUND_HALF_UP);

/** A service's rate is per 1000 units, or per package for flat-priced types. */
export function serviceUpstreamCost(upstreamRate: Rate, exchangeRate: Rate, order: { quantity: number; flatPrice: boolean }): Decimal {
  const rate = toDecimal(upstreamRate).times(toDecimal(exchangeRate));
  return atLedgerScale(order.flatPrice ? rate : rate.times(String(order.quantity)).dividedBy(1000));
}

/** A product's rate is per unit. */
export function productUpstreamCost(upstreamRate: Rate, exchangeRate: Rate, quantity: number): Decimal {
  return atLedgerScale(toDecimal(upstreamRate).times(toDecimal(exchangeRate)).times(String(quantity)));
}
