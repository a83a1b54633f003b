// Admin price and availability changes on imported services and products. A fixed price is kept
// across catalog syncs (sellRateOverride) — unless the upstream cost overtakes it, when the sync
// returns the row to its rule and flags it. A fixed price below cost is refused unless the
// admin confirms it, and then shown flagged. Clearing a fixed price returns the row to its
// pricing rule, computed by lib/pricing's one statement. Every change is audited.
import "server-only";
import type { Db } from "@/lib/db/connection";
import { recordAudit } from "@/lib/audit/record-audit";
import { convertCurrency, toDecimal, toLedgerString } from "@/lib/money";
import { lockCatalogPricing, repriceItems } from "@/lib/pricing/reprice-sql";
import { roundUpToStep } from "@/lib/pricing/rule-price";
import { canonicalServiceType } from "@/lib/upstream/add-order-input";
import { adminRefusal, type AdminResult, type StaffActor } from "./authorize";
import { fail, fieldRefusal } from "@/lib/result";
import type { CatalogItemRef, CatalogKind, SetEnabledInput, SetSellRateInput } from "./schemas";

export const BELOW_COST_CONFIRMED = "below_cost_confirmed";

async function readRow(db: Db, kind: CatalogKind, id: number) {
  const select = {
    providerId: true, upstreamRate: true, sellRate: true, sellRateOverride: true, priceFlag: true, enabled: true, upstreamListed: true,
    invalidReason: true, provider: { select: { exchangeRate: true } },
  } as const;
  if (kind === "service") {
    const row = await db.service.findUnique({ where: { id }, select: { ...select, type: true } });
    return row && { ...row, orderable: canonicalServiceType(row.type) !== null };
  }
  const row = await db.product.findUnique({ where: { id }, select });
  return row && { ...row, orderable: true };
}
type Row = NonNullable<Awaited<ReturnType<typeof readRow>>>;

const noRow = (kind: CatalogKind) => fail("not_found", `No such ${kind}.`);
const costOf = (row: Row) => convertCurrency(row.upstreamRate.toFixed(), row.provider.exchangeRate.toFixed());
const priceOf = (row: Pick<Row, "sellRate" | "sellRateOverride" | "priceFlag">) =>
  ({ sellRate: toLedgerString(row.sellRate), fixed: row.sellRateOverride, flag: row.priceFlag });

export type SellRateResult = AdminResult<{ sellRate: string; belowCost: boolean }>;

/** Fixes the sell rate by hand; later syncs leave it alone while it covers the cost. */
export async function setSellRate(db: Db, actor: StaffActor, input: SetSellRateInput): Promise<SellRateResult> {
  const refused = adminRefusal(actor);
  if (refused) return refused;
  const { kind, id, confirmBelowCost } = input;
  const row = await readRow(db, kind, id);
  if (!row) return noRow(kind);
  const sellRate = toLedgerString(toDecimal(input.sellRate));
  const cost = costOf(row);
  const belowCost = cost.gt(sellRate);
  if (belowCost && !confirmBelowCost) {
    const shown = toLedgerString(roundUpToStep(cost));
    return fieldRefusal(
      "below_cost", "sellRate",
      `${sellRate} is below the upstream cost (${shown}). Tick "sell below cost" to confirm.`,
      `Below the upstream cost of ${shown}; confirm to sell at a loss.`,
      { cost: shown },
    );
  }
  const data = { sellRate, sellRateOverride: true, priceFlag: belowCost ? BELOW_COST_CONFIRMED : null, priceFlaggedAt: belowCost ? new Date() : null, priceRuleId: null };
  const changed = await db.$transaction(async (tx) => {
    const { count } = kind === "service"
      ? await tx.service.updateMany({ where: { id }, data })
      : await tx.product.updateMany({ where: { id }, data });
    if (!count) return false;
    await recordAudit(tx, {
      actorId: actor.id, action: "sell_rate.fix", entityType: kind === "service" ? "Service" : "Product", entityId: id,
      before: priceOf(row), after: { sellRate, fixed: true, flag: data.priceFlag, cost: cost.toFixed() },
    });
    if (sellRate !== toLedgerString(row.sellRate)) {
      await tx.catalogChange.create({
        data: {
          providerId: row.providerId,
          itemKind: kind, itemId: id, kind: row.sellRate.lt(sellRate) ? "price_up" : "price_down",
          oldSellRate: toLedgerString(row.sellRate), newSellRate: sellRate,
        },
      });
    }
    return true;
  });
  if (!changed) return noRow(kind);
  return { ok: true, sellRate, belowCost };
}

/** Back to the pricing rules: the most specific rule prices the row again. */
export async function clearSellRateOverride(db: Db, actor: StaffActor, input: CatalogItemRef): Promise<SellRateResult> {
  const refused = adminRefusal(actor);
  if (refused) return refused;
  const { kind, id } = input;
  const row = await readRow(db, kind, id);
  if (!row) return noRow(kind);
  const after = await db.$transaction(async (tx) => {
    await lockCatalogPricing(tx);
    const data = { sellRateOverride: false, priceFlag: null, priceFlaggedAt: null };
    const { count } = kind === "service" ? await tx.service.updateMany({ where: { id }, data }) : await tx.product.updateMany({ where: { id }, data });
    if (!count) return null;
    await repriceItems(tx, kind, { itemIds: [id] }, { log: true });
    const now = kind === "service"
      ? await tx.service.findUniqueOrThrow({ where: { id }, select: { sellRate: true, sellRateOverride: true, priceFlag: true } })
      : await tx.product.findUniqueOrThrow({ where: { id }, select: { sellRate: true, sellRateOverride: true, priceFlag: true } });
    await recordAudit(tx, {
      actorId: actor.id, action: "sell_rate.unfix", entityType: kind === "service" ? "Service" : "Product", entityId: id,
      before: priceOf(row), after: priceOf(now),
    });
    return toLedgerString(now.sellRate);
  });
  if (after === null) return noRow(kind);
  return { ok: true, sellRate: after, belowCost: costOf(row).gt(after) };
}

/** Switches a row on or off for customers. Only rows that can actually be ordered are switched on. */
export async function setCatalogItemEnabled(db: Db, actor: StaffActor, input: SetEnabledInput): Promise<AdminResult> {
  const refused = adminRefusal(actor);
  if (refused) return refused;
  const { kind, id, enabled } = input;
  const row = await readRow(db, kind, id);
  if (!row) return noRow(kind);
  const delisted = fail("service_unavailable", `The provider no longer lists this ${kind}; it cannot be switched on.`);
  if (enabled && !row.upstreamListed) return delisted;
  if (enabled && !row.orderable) return fail("type_unsupported", "This service's type cannot be ordered through the panel; it stays off.");
  if (enabled && row.invalidReason) {
    return fail("service_unavailable", `The provider's listing cannot be sold (${row.invalidReason}); it stays off until a sync brings a sane listing.`);
  }
  // Conditional on what made it sellable, so that a sync landing in between is respected.
  const where = { id, ...(enabled ? { upstreamListed: true, invalidReason: null, sellRate: { gt: 0 } } : {}) };
  const done = await db.$transaction(async (tx) => {
    const { count } = kind === "service" ? await tx.service.updateMany({ where, data: { enabled } }) : await tx.product.updateMany({ where, data: { enabled } });
    if (!count) return false;
    await recordAudit(tx, {
      actorId: actor.id, action: enabled ? "catalog_item.enable" : "catalog_item.disable", entityType: kind === "service" ? "Service" : "Product",
      entityId: id, before: { enabled: row.enabled }, after: { enabled },
    });
    // Customers see switches on the Updates page.
    if (row.enabled !== enabled) {
      await tx.catalogChange.create({
        data: { providerId: row.providerId, itemKind: kind, itemId: id, kind: enabled ? "relisted" : "removed", newValue: enabled ? "enabled by an admin" : "disabled by an admin", oldSellRate: row.sellRate, newSellRate: row.sellRate },
      });
    }
    return true;
  });
  return done ? { ok: true } : delisted;
}
