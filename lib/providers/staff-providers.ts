// The staff pages' side of providers: what is configured and what each holds for us (staff may
// read), and the admin's operations on them, each checking the role before it calls
// manage-providers.ts or the catalog sync. The provider's API key never leaves lib (the client omits it).
import "server-only";
import { syncCatalog, type SyncCatalogResult } from "@/lib/catalog/sync-catalog";
import { parseMarkupPercent } from "@/lib/pricing/markup";
import type { Db } from "@/lib/db/connection";
import { recordAudit } from "@/lib/audit/record-audit";
import { addProvider, checkProvider, type AddProviderResult } from "./manage-providers";
import { adminRefusal, assertStaff, type AdminResult, type StaffActor } from "@/lib/admin/authorize";
import type { ProviderInput } from "./schemas";
import { fail, fieldRefusal, type Failure } from "@/lib/result";
import type { SetProviderEnabledInput, SyncCatalogInput } from "./schemas";

export type StaffProvider = {
  id: number;
  name: string;
  apiUrl: string;
  currency: string;
  exchangeRate: string;
  timeoutMs: number;
  enabled: boolean;
  lastBalance: string | null;
  lastBalanceAt: Date | null;
  services: number;
  enabledServices: number;
  products: number;
  /** The markup of the last catalog sync, e.g. "25%"; null before the first. */
  lastMarkup: string | null;
};

export async function listProvidersForStaff(db: Db, actor: StaffActor): Promise<StaffProvider[]> {
  assertStaff(actor);
  const [rows, enabled, markups] = await Promise.all([
    db.provider.findMany({
      orderBy: { id: "asc" },
      select: {
        id: true, name: true, apiUrl: true, currency: true, exchangeRate: true, timeoutMs: true, enabled: true,
        lastBalance: true, lastBalanceAt: true, _count: { select: { services: true, products: true } },
      },
    }),
    db.service.groupBy({ by: ["providerId"], where: { enabled: true }, _count: { _all: true } }),
    db.service.findMany({ distinct: ["providerId"], orderBy: [{ providerId: "asc" }, { updatedAt: "desc" }], select: { providerId: true, markupPercent: true } }),
  ]);
  const markupBy = new Map(markups.map((m) => [m.providerId, `${m.markupPercent.toFixed()}%`]));
  const enabledBy = new Map(enabled.map((g) => [g.providerId, g._count._all]));
  return rows.map(({ _count, exchangeRate, lastBalance, ...row }) => ({
    ...row,
    exchangeRate: exchangeRate.toFixed(),
    lastBalance: lastBalance?.toFixed() ?? null,
    services: _count.services,
    enabledServices: enabledBy.get(row.id) ?? 0,
    products: _count.products,
    lastMarkup: markupBy.get(row.id) ?? null,
  }));
}

export async function addProviderForAdmin(db: Db, actor: StaffActor, input: ProviderInput): Promise<AddProviderResult> {
  return adminRefusal(actor) ?? addProvider(db, input, actor.id);
}

export type ProviderCheckReport = AdminResult<{ balance: string; currency: string; services: number; products: number | null; warning?: string }>;

/**
 * Calls the provider and remembers its balance (the overview's upstream funds). Admins only: it
 * writes, and it makes the server send requests to a configured URL (staff are read-only).
 */
export async function checkProviderForAdmin(db: Db, actor: StaffActor, providerId: number): Promise<ProviderCheckReport> {
  const refused = adminRefusal(actor);
  if (refused) return refused;
  const provider = await db.provider.findUnique({ where: { id: providerId }, select: { currency: true } });
  if (!provider) return fail("not_found", "No such provider.");
  let result;
  try {
    result = await checkProvider(db, providerId);
  } catch (error) {
    // Only the key's decryption throws here; its message names the cause and holds no secret.
    return fail("update_failed", (error as Error).message);
  }
  if (!result.ok) {
    const kind = result.kind === "indeterminate" ? "no usable answer" : "refused";
    return fail("service_unavailable", `${result.step}: ${kind} — ${result.message}`, { data: { step: result.step, kind: result.kind } });
  }
  const warning =
    result.currency && result.currency.toUpperCase() !== provider.currency.toUpperCase()
      ? `The provider reports its balance in ${result.currency}, but it is set up as ${provider.currency}: check the currency and exchange rate.`
      : undefined;
  return { ok: true, balance: result.balance, currency: result.currency, services: result.services, products: result.products, warning };
}

export async function syncProviderCatalog(
  db: Db,
  actor: StaffActor,
  input: SyncCatalogInput,
): Promise<Extract<SyncCatalogResult, { ok: true }> | Failure> {
  const refused = adminRefusal(actor);
  if (refused) return refused;
  const exists = await db.provider.findUnique({ where: { id: input.providerId }, select: { id: true } });
  if (!exists) return fail("not_found", "No such provider.");
  const markup = input.markupPercent;
  // A markup prices a provider's first import; once it has a catalog, prices change only through
  // its pricing rules on the Pricing page (with their preview), never as a side effect of a sync.
  if (markup) {
    const [services, products] = await Promise.all([db.service.count({ where: { providerId: input.providerId } }), db.product.count({ where: { providerId: input.providerId } })]);
    if (services + products > 0) {
      return fieldRefusal("invalid_value", "markupPercent", "This provider's catalog is priced by its pricing rules: change them on the Pricing page, which shows the new prices first.");
    }
  }
  const synced = await syncCatalog(db, input.providerId, { markupPercent: markup ? parseMarkupPercent(markup)! : undefined, trigger: "manual", actorId: actor.id });
  return synced;
}

export async function setProviderEnabled(db: Db, actor: StaffActor, input: SetProviderEnabledInput): Promise<AdminResult> {
  const refused = adminRefusal(actor);
  if (refused) return refused;
  const { providerId, enabled } = input;
  return db.$transaction(async (tx): Promise<AdminResult> => {
    const before = await tx.provider.findUnique({ where: { id: providerId }, select: { enabled: true } });
    if (!before) return fail("not_found", "No such provider.");
    await tx.provider.update({ where: { id: providerId }, data: { enabled } });
    await recordAudit(tx, { actorId: actor.id, action: enabled ? "provider.enable" : "provider.disable", entityType: "Provider", entityId: providerId, before, after: { enabled } });
    return { ok: true };
  });
}

/** For the filter selects of the staff lists. */
export async function listProviderNames(db: Db, actor: StaffActor): Promise<{ id: number; name: string }[]> {
  assertStaff(actor);
  return db.provider.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}
