// What one customer pays: their own price for a service if an admin set one, else the list
// price less their discount — never taken below the upstream cost by a discount. One function
// for the catalog, the order form, /api/v2 services and placement (sellRateFor), and the same
// rule as SQL (customerRateSql) for queries that price many rows at once.
import type { Db } from "@/lib/db/connection";
import { Prisma } from "@/lib/db/generated/client";
import type { Tx } from "@/lib/ledger/transaction";
import { Decimal, LEDGER_SCALE, toDecimal, toLedgerString } from "@/lib/money";
import { roundUpToStep } from "./rule-price";

type Amount = Decimal | string;

export type CustomerRateInput = {
  /** The catalog's price (per 1000 for services, per unit for products). */
  listRate: Amount;
  /** Upstream rate × exchange rate: what the item costs us, unrounded. */
  cost: Amount;
  discountPercent: Amount | null;
  customRate: Amount | null;
};

/** The customer's rate, 6 decimals. */
export function customerRate(input: CustomerRateInput): Decimal {
  if (input.customRate !== null) return toDecimal(input.customRate).toDecimalPlaces(LEDGER_SCALE, Decimal.ROUND_UP);
  const list = toDecimal(input.listRate);
  if (input.discountPercent === null) return list;
  const discounted = roundUpToStep(list.times(new Decimal(100).minus(toDecimal(input.discountPercent))).times("0.01"));
  // A discount never sells below cost; a list price an admin knowingly set below cost stays the floor.
  const floor = Decimal.min(list, roundUpToStep(input.cost));
  return Decimal.max(discounted, floor);
}

/**
 * The same rule in SQL, over a row aliased `s` (Service or Product) joined to its provider `p`,
 * the customer's discount `cd` and custom price `cp` (see customerRateJoinsSql).
 */
export const customerRateSql = Prisma.sql`COALESCE(
  cp."sellRate",
  CASE WHEN cd."percent" IS NULL THEN s."sellRate"
  ELSE GREATEST(
    ceil(s."sellRate" * (100 - cd."percent") * 0.01 * 1000000) * 0.000001,
    LEAST(s."sellRate", ceil(s."upstreamRate" * p."exchangeRate" * 1000000) * 0.000001)
  ) END)`;

/** The joins customerRateSql reads, for one customer. Products have no custom prices. */
export function customerRateJoinsSql(customerId: number, kind: "service" | "product"): Prisma.Sql {
  const custom =
    kind === "service"
      ? Prisma.sql`LEFT JOIN "CustomerServicePrice" cp ON cp."serviceId" = s."id" AND cp."userId" = ${customerId}`
      : Prisma.sql`LEFT JOIN (SELECT NULL::numeric AS "sellRate") cp ON true`;
  return Prisma.sql`JOIN "Provider" p ON p."id" = s."providerId"
    LEFT JOIN "CustomerDiscount" cd ON cd."userId" = ${customerId}
    ${custom}`;
}

type Reader = Db | Tx;

/** The rate a customer pays for a service now, or null if there is no such service. */
export async function sellRateFor(db: Reader, customerId: number, serviceId: number): Promise<Decimal | null> {
  const rows = await db.$queryRaw<{ rate: Prisma.Decimal }[]>`
    SELECT ${customerRateSql} AS rate FROM "Service" s ${customerRateJoinsSql(customerId, "service")} WHERE s."id" = ${serviceId}`;
  return rows[0] ? new Decimal(rows[0].rate.toFixed()) : null;
}

export type CustomerPricing = {
  discountPercent: string | null;
  /** The customer's rate for a listed item. */
  rateOf(item: { id: number; sellRate: Amount; cost: Amount }, kind?: "service" | "product"): string;
};

/**
 * One customer's discount and custom prices, read once, for pricing a page or an API answer of
 * many rows in code (the same rule as sellRateFor). `null` customer: list prices.
 */
export async function loadCustomerPricing(db: Reader, customerId: number | null): Promise<CustomerPricing> {
  if (customerId === null) return { discountPercent: null, rateOf: (item) => toLedgerString(toDecimal(item.sellRate)) };
  const [discount, custom] = await Promise.all([
    db.customerDiscount.findUnique({ where: { userId: customerId }, select: { percent: true } }),
    db.customerServicePrice.findMany({ where: { userId: customerId }, select: { serviceId: true, sellRate: true } }),
  ]);
  const customRates = new Map(custom.map((c) => [c.serviceId, c.sellRate.toFixed()]));
  const discountPercent = discount ? discount.percent.toFixed() : null;
  return {
    discountPercent,
    rateOf: (item, kind = "service") =>
      customerRate({
        listRate: item.sellRate,
        cost: item.cost,
        discountPercent,
        customRate: kind === "service" ? (customRates.get(item.id) ?? null) : null,
      }).toFixed(LEDGER_SCALE),
  };
}
