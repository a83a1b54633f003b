// Imports a provider's services and products. Upstream values are kept exactly as sent; our sell
// prices come from the pricing rules (lib/pricing) unless an admin fixed one; an admin's name,
// category and description are kept. Nothing is ever deleted: orders point at these rows, so
// what the provider stopped listing is only switched off. All writes of one sync, the
// repricing and the change log commit together or not at all; progress is visible meanwhile.
import type { Db } from "@/lib/db/connection";
import { type Decimal } from "@/lib/money";
import { setProviderMarkupInTx } from "@/lib/pricing/price-rules";
import { lockCatalogPricing, repriceItems } from "@/lib/pricing/reprice-sql";
import { loadProviderConnection, upstreamClientFor } from "@/lib/providers/provider-client";
import { dropScratch, importProducts, importServices, logChanges, releaseFixedPricesBelowCost, type ItemKind } from "./bulk-import";
import { prepareProducts, prepareServices, type Prepared } from "./listing-rules";
import { parseMarkupPercent } from "@/lib/pricing/markup";
import { closeSyncRun, openSyncRun, reportProgress, type SyncSummary, type SyncTrigger } from "./sync-runs";
import type { Tx } from "@/lib/ledger/transaction";
import { resolveDatabaseTarget } from "@/lib/db/target";
import { fail, type Failure } from "@/lib/result";

export type SyncCounts = { created: number; updated: number; delisted: number };
export type SyncCatalogResult =
  | { ok: true; runId: number; services: SyncCounts; products: SyncCounts | null; warnings: string[]; summary: SyncSummary }
  | Failure;

export type SyncCatalogOptions = {
  /** 25 for 25 % (text such as "25%" too): saved as the provider's pricing rule before pricing. Omit to price by the rules as they are. */
  markupPercent?: Decimal | string;
  trigger?: SyncTrigger;
  actorId?: number | null;
};

const SYNC_TX = { maxWait: 60_000, timeout: 300_000 } as const;

/**
 * Progress is written on another connection while the sync's transaction is open. The embedded
 * PGlite has a single connection, which the transaction holds: there, progress waits for the end.
 */
const PROGRESS_INSIDE_TRANSACTION = () => resolveDatabaseTarget().kind === "postgres";

export async function syncCatalog(db: Db, providerId: number, options: SyncCatalogOptions = {}): Promise<SyncCatalogResult> {
  let markup: string | null = null;
  if (options.markupPercent !== undefined) {
    const parsed = typeof options.markupPercent === "string" ? parseMarkupPercent(options.markupPercent) : options.markupPercent;
    if (!parsed || parsed.lt(0)) return fail("invalid_value", `"${options.markupPercent}" is not a markup percentage such as 25% (0 or more).`);
    markup = parsed.toFixed();
  }
  const provider = await loadProviderConnection(db, providerId);
  if (!provider) return fail("not_found", `No provider ${providerId}.`);
  let client;
  try {
    client = upstreamClientFor(provider);
  } catch (error) {
    return fail("sync_failed", (error as Error).message);
  }
  const runId = await openSyncRun(db, providerId, options.trigger ?? "manual", options.actorId ?? null);
  if (runId === null) return fail("sync_running", "A sync of this provider is already running; see its progress on the catalog changes page.");
  try {
    const services = await client.services();
    if (!services.ok) {
      await closeSyncRun(db, runId, { error: `services: ${services.message}` });
      return fail("sync_failed", `services: ${services.message}`);
    }
    // Many panels sell no products and refuse the action; that leaves our products untouched.
    const products = await client.products();
    const preparedServices = prepareServices(services.value);
    const preparedProducts = products.ok ? prepareProducts(products.value) : null;
    const warnings = [...preparedServices.warnings, ...(preparedProducts?.warnings ?? [])];
    if (!products.ok) warnings.push(`products not synced: ${products.message}`);
    const total = preparedServices.rows.length + (preparedProducts?.rows.length ?? 0);
    await reportProgress(db, runId, { phase: `importing ${preparedServices.rows.length} services`, processed: 0, total });

    const summary = await db.$transaction(async (tx) => {
      await lockCatalogPricing(tx);
      if (markup !== null) await setProviderMarkupInTx(tx, providerId, markup, options.actorId ?? null);
      const serviceSummary = await syncKind(tx, db, "service", providerId, runId, preparedServices, 0);
      const productSummary = preparedProducts
        ? await syncKind(tx, db, "product", providerId, runId, preparedProducts, preparedServices.rows.length)
        : null;
      return { services: serviceSummary, products: productSummary, warnings: warnings.slice(0, 200) } satisfies SyncSummary;
    }, SYNC_TX);
    await closeSyncRun(db, runId, { summary });
    const counts = (s: SyncSummary["services"]) => ({ created: s.created, updated: s.updated, delisted: s.delisted });
    return { ok: true, runId, services: counts(summary.services), products: summary.products && counts(summary.products), warnings, summary };
  } catch (error) {
    await closeSyncRun(db, runId, { error: (error as Error).message }).catch(() => {});
    throw error;
  }
}

async function syncKind(
  tx: Tx, db: Db, kind: ItemKind, providerId: number, runId: number,
  prepared: Prepared<Parameters<typeof importServices>[2][number]> | Prepared<Parameters<typeof importProducts>[2][number]>,
  offset: number,
): Promise<SyncSummary["services"]> {
  const progress = async (done: number) => {
    if (PROGRESS_INSIDE_TRANSACTION()) await reportProgress(db, runId, { phase: `importing ${kind}s`, processed: offset + done });
  };
  if (kind === "service") await importServices(tx, providerId, prepared.rows as Parameters<typeof importServices>[2], progress);
  else await importProducts(tx, providerId, prepared.rows as Parameters<typeof importProducts>[2], progress);
  if (PROGRESS_INSIDE_TRANSACTION()) await reportProgress(db, runId, { phase: `pricing ${kind}s and logging changes` });
  const repricedAfterCostRise = await releaseFixedPricesBelowCost(tx, kind, providerId);
  await repriceItems(tx, kind, { providerId }, { log: false });
  const changes = await logChanges(tx, kind, providerId, runId);
  await dropScratch(tx);
  return {
    listed: prepared.rows.length,
    created: changes.added,
    updated: prepared.rows.length - changes.added,
    delisted: changes.removed,
    changes,
    repricedAfterCostRise,
  };
}
