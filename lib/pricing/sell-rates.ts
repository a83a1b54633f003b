// An admin's fixed price on one imported service or product. A fixed price is kept across catalog
// syncs (sellRateOverride) — unless the upstream cost overtakes it, when the sync returns the row
// to its rule and flags it. A fixed price below cost is refused unless the admin confirms it, and
// then shown flagged. Clearing a fixed price returns the row to its pricing rule, computed by
// reprice-sql.ts's one statement. Every change is audited.
import "server-only";
import type { Db } from "@/lib/db/connection";
import { recordAudit } from "@/lib/audit/record-audit";
import { convertCurrency, toDecimal, toLedgerString } from "@/lib/money";
import { lockCatalogPricing, repriceItems } from "./reprice-sql";
import { roundUpToStep } from "./rule-price";
import { noSuchItem, readCatalogItem, type CatalogItem } from "@/lib/catalog/catalog-item";
import type { CatalogItemRef } from "@/lib/catalog/schemas";
import { adminRefusal, type AdminResult, type StaffActor } from "@/lib/admin/authorize";
import { fieldRefusal } from "@/lib/result";
import type { SetSellRateInput } from "./schemas";

export const BELOW_COST_CONFIRMED = "below_cost_confirmed";

const costOf = (row: CatalogItem) => convertCurrency(row.upstreamRate.toFixed(), row.provider.exchangeRate.toFixed());
const priceOf = (row: Pick<CatalogItem, "sellRate" | "sellRateOverride" | "priceFlag">) =>
  ({ sellRate: toLedgerString(row.sellRate), fixed: row.sellRateOverride, flag: row.priceFlag });

export type SellRateResult = AdminResult<{ sellRate: string; belowCost: boolean }>;

/** Fixes the sell rate by hand; later syncs leave it alone while it covers the cost. */
export async function setSellRate(db: Db, actor: StaffActor, input: SetSellRateInput): Promise<SellRateResult> {
  const refused = adminRefusal(actor);
  if (refused) return refused;
  const { kind, id, confirmBelowCost } = input;
  const row = await readCatalogItem(db, kind, id);
  if (!row) return noSuchItem(kind);
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
  if (!changed) return noSuchItem(kind);
  return { ok: true, sellRate, belowCost };
}

/** Back to the pricing rules: the most specific rule prices the row again. */
export async function clearSellRateOverride(db: Db, actor: StaffActor, input: CatalogItemRef): Promise<SellRateResult> {
  const refused = adminRefusal(actor);
  if (refused) return refused;
  const { kind, id } = input;
  const row = await readCatalogItem(db, kind, id);
  if (!row) return noSuchItem(kind);
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
  if (after === null) return noSuchItem(kind);
  return { ok: true, sellRate: after, belowCost: costOf(row).gt(after) };
}

