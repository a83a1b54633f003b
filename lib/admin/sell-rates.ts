// Admin price and availability changes on imported services and products. An override is kept
// across catalog syncs (sellRateOverride); clearing it returns the row to the markup price the
// last sync set, computed the way lib/catalog computes it.
import "server-only";
import type { Db } from "@/lib/db/connection";
import { applyMarkup, convertCurrency, LEDGER_SCALE, toDecimal } from "@/lib/money";
import { canonicalServiceType } from "@/lib/upstream/add-order-input";
import { adminRefusal, type AdminResult, type StaffActor } from "./authorize";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { ZCatalogItemRef, ZSetEnabledInput, ZSetSellRateInput, type CatalogKind } from "./schemas";

type RowWhere = { id: number; upstreamRate?: string; markupPercent?: string; upstreamListed?: boolean };
type RowData = { sellRate?: string; sellRateOverride?: boolean; enabled?: boolean };

async function readRow(db: Db, kind: CatalogKind, id: number) {
  const select = {
    upstreamRate: true, markupPercent: true, upstreamListed: true, provider: { select: { exchangeRate: true } },
  } as const;
  if (kind === "service") {
    const row = await db.service.findUnique({ where: { id }, select: { ...select, type: true } });
    return row && { ...row, orderable: canonicalServiceType(row.type) !== null };
  }
  const row = await db.product.findUnique({ where: { id }, select });
  return row && { ...row, orderable: true };
}
type Row = NonNullable<Awaited<ReturnType<typeof readRow>>>;

function updateRow(db: Db, kind: CatalogKind, where: RowWhere, data: RowData) {
  return kind === "service" ? db.service.updateMany({ where, data }) : db.product.updateMany({ where, data });
}

const noRow = (kind: CatalogKind) => ({ ok: false as const, error: `No such ${kind}.` });
const costOf = (row: Row) => convertCurrency(row.upstreamRate.toFixed(), row.provider.exchangeRate.toFixed());
const invalid = (error: Parameters<typeof fieldErrorsOf>[0]) =>
  ({ ok: false as const, error: "Check the highlighted fields.", fieldErrors: fieldErrorsOf(error) });

export type SellRateResult = AdminResult<{ sellRate: string; belowCost: boolean }>;

/** Fixes the sell rate by hand; later syncs leave it alone. */
export async function setSellRate(db: Db, actor: StaffActor, input: unknown): Promise<SellRateResult> {
  const refused = adminRefusal(actor);
  if (refused) return refused;
  const parsed = ZSetSellRateInput.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { kind, id } = parsed.data;
  const row = await readRow(db, kind, id);
  if (!row) return noRow(kind);
  const sellRate = toDecimal(parsed.data.sellRate).toFixed(LEDGER_SCALE);
  const { count } = await updateRow(db, kind, { id }, { sellRate, sellRateOverride: true });
  if (!count) return noRow(kind);
  return { ok: true, sellRate, belowCost: costOf(row).gt(sellRate) };
}

/** Back to markup pricing: upstream rate × exchange rate × (1 + the markup of the last sync). */
export async function clearSellRateOverride(db: Db, actor: StaffActor, input: unknown): Promise<SellRateResult> {
  const refused = adminRefusal(actor);
  if (refused) return refused;
  const parsed = ZCatalogItemRef.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { kind, id } = parsed.data;
  const row = await readRow(db, kind, id);
  if (!row) return noRow(kind);
  const upstreamRate = row.upstreamRate.toFixed();
  const markupPercent = row.markupPercent.toFixed();
  const sellRate = applyMarkup(costOf(row), markupPercent).toFixed(LEDGER_SCALE);
  // Conditional on the rates read above: a sync landing in between must not be overwritten
  // with a price computed from its predecessor's rates.
  const { count } = await updateRow(db, kind, { id, upstreamRate, markupPercent }, { sellRate, sellRateOverride: false });
  if (!count) return { ok: false, error: "The catalog changed meanwhile (a sync ran). Nothing was changed; try again." };
  return { ok: true, sellRate, belowCost: costOf(row).gt(sellRate) };
}

/** Switches a row on or off for customers. Only rows that can actually be ordered are switched on. */
export async function setCatalogItemEnabled(db: Db, actor: StaffActor, input: unknown): Promise<AdminResult> {
  const refused = adminRefusal(actor);
  if (refused) return refused;
  const parsed = ZSetEnabledInput.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { kind, id, enabled } = parsed.data;
  const row = await readRow(db, kind, id);
  if (!row) return noRow(kind);
  if (enabled && !row.upstreamListed) return { ok: false, error: `The provider no longer lists this ${kind}; it cannot be switched on.` };
  if (enabled && !row.orderable) return { ok: false, error: "This service's type cannot be ordered through the panel; it stays off." };
  const { count } = await updateRow(db, kind, { id, ...(enabled ? { upstreamListed: true } : {}) }, { enabled });
  return count ? { ok: true } : { ok: false, error: `The provider no longer lists this ${kind}; it cannot be switched on.` };
}
