// The storefront shows each customer their own price (custom price or discount, customer-rate.ts):
// the same rule that charges the order, so the price read on a page is the price paid.
// The pricer reads the customer's pricing and the providers' exchange rates (a handful of rows)
// itself, so a page of services needs no relation query after its own: both go out together.
import type { Db } from "@/lib/db/connection";
import { loadCustomerPricing } from "@/lib/pricing/customer-rate";
import { toDecimal } from "@/lib/money";

/** The fields a service row needs selected for pricing it for one customer. */
export const PRICED_SERVICE_SELECT = { sellRate: true, upstreamRate: true, providerId: true } as const;

type PricedRow = { id: number; sellRate: { toFixed(): string }; upstreamRate: { toFixed(): string }; providerId: number };

/** Reads the customer's discount and custom prices once; returns a pricer for many rows. */
export async function customerServicePricer(db: Db, customerId: number): Promise<(row: PricedRow) => string> {
  const [pricing, providers] = await Promise.all([
    loadCustomerPricing(db, customerId),
    db.provider.findMany({ select: { id: true, exchangeRate: true } }),
  ]);
  const exchangeRates = new Map(providers.map((provider) => [provider.id, provider.exchangeRate.toFixed()]));
  return (row) => {
    const exchangeRate = exchangeRates.get(row.providerId);
    // Providers are never deleted; one registered and synced between the two reads of one request cannot happen in practice.
    if (exchangeRate === undefined) throw new Error(`no exchange rate for provider ${row.providerId}`);
    return pricing.rateOf({ id: row.id, sellRate: row.sellRate.toFixed(), cost: toDecimal(row.upstreamRate.toFixed()).times(toDecimal(exchangeRate)) });
  };
}
