// Per-customer pricing an admin sets: a percentage off every list price, and a customer's own
// price for a service. Applied by customer-rate.ts wherever that customer sees or pays a price.
import type { Db } from "@/lib/db/connection";
import { recordAudit } from "@/lib/audit/record-audit";
import { adminRefusal, assertStaff, type AdminResult, type StaffActor } from "@/lib/admin/authorize";
import { convertCurrency, toDecimal, toLedgerString } from "@/lib/money";
import { fieldRefusal } from "@/lib/result";
import { auditActorId } from "./operator";
import { roundUpToStep } from "./rule-price";
import type { CustomPriceInput, DiscountInput } from "./schemas";

const noCustomer = fieldRefusal("not_found", "customerId", "No such customer.");

async function customerExists(db: Db, customerId: number) {
  return Boolean(await db.user.findFirst({ where: { id: customerId, role: "customer" }, select: { id: true } }));
}

/** Sets (or, with a blank percentage, removes) a customer's discount. */
export async function setCustomerDiscount(db: Db, actor: StaffActor, input: DiscountInput): Promise<AdminResult<{ percent: string | null }>> {
  const refused = adminRefusal(actor);
  if (refused) return refused;
  const { customerId, percent } = input;
  if (!(await customerExists(db, customerId))) return noCustomer;
  return db.$transaction(async (tx) => {
    const before = await tx.customerDiscount.findUnique({ where: { userId: customerId }, select: { percent: true } });
    if (percent === undefined) await tx.customerDiscount.deleteMany({ where: { userId: customerId } });
    else await tx.customerDiscount.upsert({ where: { userId: customerId }, create: { userId: customerId, percent }, update: { percent } });
    await recordAudit(tx, {
      actorId: auditActorId(actor), action: percent === undefined ? "discount.remove" : "discount.set", entityType: "User", entityId: customerId,
      before: { discountPercent: before?.percent.toFixed() ?? null }, after: { discountPercent: percent ?? null },
    });
    return { ok: true as const, percent: percent ?? null };
  });
}

export type CustomPriceResult = AdminResult<{ sellRate: string | null; belowCost: boolean; needsConfirmation?: boolean }>;

/**
 * Sets (or, with a blank price, removes) a customer's own price for a service. A price below
 * the upstream cost is refused unless the admin confirms it, and is then kept flagged.
 */
export async function setCustomerServicePrice(db: Db, actor: StaffActor, input: CustomPriceInput): Promise<CustomPriceResult> {
  const refused = adminRefusal(actor);
  if (refused) return refused;
  const { customerId, serviceId, sellRate, confirmBelowCost } = input;
  if (!(await customerExists(db, customerId))) return noCustomer;
  const service = await db.service.findUnique({ where: { id: serviceId }, select: { upstreamRate: true, provider: { select: { exchangeRate: true } } } });
  if (!service) return fieldRefusal("not_found", "serviceId", "Check the highlighted fields.", "No such service.");
  const cost = roundUpToStep(convertCurrency(service.upstreamRate.toFixed(), service.provider.exchangeRate.toFixed()));
  const rate = sellRate === undefined ? null : toLedgerString(toDecimal(sellRate));
  const belowCost = rate !== null && cost.gt(rate);
  if (belowCost && !confirmBelowCost) {
    return fieldRefusal(
      "below_cost", "sellRate",
      `${rate} is below the upstream cost (${toLedgerString(cost)}). Tick "sell below cost" to confirm.`,
      `Below the upstream cost of ${toLedgerString(cost)}.`,
      { cost: toLedgerString(cost) },
    );
  }
  return db.$transaction(async (tx) => {
    const key = { userId_serviceId: { userId: customerId, serviceId } };
    const before = await tx.customerServicePrice.findUnique({ where: key, select: { sellRate: true, belowCostConfirmed: true } });
    if (rate === null) await tx.customerServicePrice.deleteMany({ where: { userId: customerId, serviceId } });
    else {
      const data = { sellRate: rate, belowCostConfirmed: belowCost };
      await tx.customerServicePrice.upsert({ where: key, create: { userId: customerId, serviceId, ...data }, update: data });
    }
    await recordAudit(tx, {
      actorId: auditActorId(actor), action: rate === null ? "custom_price.remove" : "custom_price.set", entityType: "User", entityId: customerId,
      before: before ? { serviceId, sellRate: toLedgerString(before.sellRate), belowCost: before.belowCostConfirmed } : { serviceId, sellRate: null },
      after: { serviceId, sellRate: rate, belowCost },
    });
    return { ok: true as const, sellRate: rate, belowCost };
  });
}

export type CustomerPricingView = {
  discountPercent: string | null;
  customPrices: { serviceId: number; serviceName: string; listRate: string; sellRate: string; belowCost: boolean }[];
};

/** For the admin user page. */
export async function customerPricingForStaff(db: Db, actor: StaffActor, customerId: number): Promise<CustomerPricingView> {
  assertStaff(actor);
  const [discount, prices] = await Promise.all([
    db.customerDiscount.findUnique({ where: { userId: customerId }, select: { percent: true } }),
    db.customerServicePrice.findMany({
      where: { userId: customerId },
      orderBy: { serviceId: "asc" },
      take: 200,
      select: { serviceId: true, sellRate: true, belowCostConfirmed: true, service: { select: { name: true, sellRate: true } } },
    }),
  ]);
  return {
    discountPercent: discount?.percent.toFixed() ?? null,
    customPrices: prices.map((p) => ({
      serviceId: p.serviceId, serviceName: p.service.name, listRate: toLedgerString(p.service.sellRate), sellRate: toLedgerString(p.sellRate), belowCost: p.belowCostConfirmed,
    })),
  };
}
