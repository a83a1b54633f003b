// The storefront shows each customer their own price (custom price or discount, lib/pricing):
// the same rule that charges the order, so the price read on a page is the price paid.
import type { Db } from "@/lib/db/connection";
import { loadCustomerPricing } from "@/lib/pricing/customer-rate";
import { toDecimal } from "@/lib/money";

/** The fields a service row needs selected for pricing it for one customer. */
export const PRICED_SERVICE_SELECT = { sellRate: true, upstreamRate: true, provider: { select: { exchangeRate: true } } } as const;

type PricedRow = { id: number; sellRate: { toFixed(): string }; upstreamRate: { toFixed(): string }; provider: { exchangeRate: { toFixed(): string } } };

/** Reads the customer's discount and custom prices once; returns a pricer for many rows. */
export async function customerServicePricer(db: Db, customerId: number): Promise<(row: PricedRow) => string> {
  const pricing = await loadCustomerPricing(db, customerId);
  return (row) =>
    pricing.rateOf({
      id: row.id,
      sellRate: row.sellRate.toFixed(),
      cost: toDecimal(row.upstreamRate.toFixed()).times(toDecimal(row.provider.exchangeRate.toFixed())),
    });
}
