// Reading the catalog change log: the admin's full log (every kind, filters, upstream values) and
// the customers' Updates page (what matters to a buyer: new services, disabled ones and changes
// of our price — never upstream costs or providers). Both paginated; page numbers are bounded.
import type { Db } from "@/lib/db/connection";
import type { CatalogChangeKind, Prisma } from "@/lib/db/generated/client";
import { assertStaff, type StaffActor } from "@/lib/admin/authorize";
import { z } from "zod";
import { toLedgerString } from "@/lib/money";

export const CHANGES_PAGE_SIZE = 50;
const KINDS = ["added", "removed", "relisted", "price_up", "price_down", "limits_changed", "renamed", "invalid"] as const;

const page = z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(100_000).default(1)).catch(1);
export const ZChangeFilters = z.object({
  page,
  kind: z.enum(KINDS).optional().catch(undefined),
  providerId: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined),
  itemKind: z.enum(["service", "product"]).optional().catch(undefined),
});
export type ChangeFilters = Record<string, unknown>;

export type StaffChange = {
  id: string; createdAt: Date; kind: CatalogChangeKind; itemKind: "service" | "product"; itemId: number; itemName: string | null;
  provider: string; oldValue: string | null; newValue: string | null; oldSellRate: string | null; newSellRate: string | null; syncRunId: number | null;
};

type Page<T> = { rows: T[]; total: number; page: number; pageSize: number };

async function namesOf(db: Db, rows: { itemKind: string; itemId: number }[]) {
  const ids = (kind: string) => [...new Set(rows.filter((r) => r.itemKind === kind).map((r) => r.itemId))];
  const [services, products] = await Promise.all([
    db.service.findMany({ where: { id: { in: ids("service") } }, select: { id: true, name: true, category: true, enabled: true, upstreamListed: true } }),
    db.product.findMany({ where: { id: { in: ids("product") } }, select: { id: true, name: true, category: true, enabled: true, upstreamListed: true } }),
  ]);
  return { service: new Map(services.map((s) => [s.id, s])), product: new Map(products.map((p) => [p.id, p])) };
}

export async function listCatalogChanges(db: Db, actor: StaffActor, input: ChangeFilters = {}): Promise<Page<StaffChange>> {
  assertStaff(actor);
  const f = ZChangeFilters.parse(input);
  const where: Prisma.CatalogChangeWhereInput = {
    ...(f.kind ? { kind: f.kind } : {}), ...(f.providerId ? { providerId: f.providerId } : {}), ...(f.itemKind ? { itemKind: f.itemKind } : {}),
  };
  const [rows, total] = await Promise.all([
    db.catalogChange.findMany({
      where, orderBy: { id: "desc" }, skip: (f.page - 1) * CHANGES_PAGE_SIZE, take: CHANGES_PAGE_SIZE,
      include: { provider: { select: { name: true } } },
    }),
    db.catalogChange.count({ where }),
  ]);
  const names = await namesOf(db, rows);
  return {
    total, page: f.page, pageSize: CHANGES_PAGE_SIZE,
    rows: rows.map((r) => ({
      id: r.id.toString(), createdAt: r.createdAt, kind: r.kind, itemKind: r.itemKind, itemId: r.itemId,
      itemName: names[r.itemKind].get(r.itemId)?.name ?? null, provider: r.provider.name,
      oldValue: r.oldValue, newValue: r.newValue, oldSellRate: r.oldSellRate ? toLedgerString(r.oldSellRate) : null, newSellRate: r.newSellRate ? toLedgerString(r.newSellRate) : null,
      syncRunId: r.syncRunId,
    })),
  };
}

export type CustomerUpdate = {
  id: string; createdAt: Date; change: "new" | "disabled" | "price_up" | "price_down";
  /** Services and products alike: every price a customer can see. `serviceId` is the item's id. */
  itemKind: "service" | "product";
  serviceId: number; serviceName: string; category: string; oldRate: string | null; newRate: string | null;
};

/**
 * The customers' Updates: services and products added (still on sale), disabled, and price changes
 * of ours on items still on sale — whether a sync or a pricing rule changed them. One SQL filter,
 * so pages are full and totals exact.
 */
export async function listCustomerUpdates(db: Db, input: { page?: unknown } = {}): Promise<Page<CustomerUpdate>> {
  const current = z.object({ page }).parse({ page: input.page ?? 1 }).page;
  // Prisma cannot join the polymorphic itemId; raw SQL keeps it to one indexed query per page.
  const visible = `(c."kind" = 'removed' OR (s."enabled" AND s."upstreamListed" AND (c."kind" = 'added'
      OR (c."kind" IN ('price_up', 'price_down') AND c."oldSellRate" IS DISTINCT FROM c."newSellRate"))))`;
  const items = `(SELECT 'service'::"OrderKind" AS kind, "id", "name", "category", "enabled", "upstreamListed" FROM "Service"
      UNION ALL SELECT 'product'::"OrderKind", "id", "name", "category", "enabled", "upstreamListed" FROM "Product")`;
  const from = `FROM "CatalogChange" c JOIN ${items} s ON s."id" = c."itemId" AND s.kind = c."itemKind"`;
  const [rows, totals] = await Promise.all([
    db.$queryRawUnsafe<{ id: bigint; createdAt: Date; kind: string; itemKind: "service" | "product"; itemId: number; name: string; category: string; oldSellRate: Prisma.Decimal | null; newSellRate: Prisma.Decimal | null }[]>(
      `SELECT c."id", c."createdAt", c."kind"::text AS kind, c."itemKind"::text AS "itemKind", c."itemId", s."name", s."category", c."oldSellRate", c."newSellRate"
       ${from}
       WHERE ${visible}
       ORDER BY c."id" DESC LIMIT $1 OFFSET $2`,
      CHANGES_PAGE_SIZE, (current - 1) * CHANGES_PAGE_SIZE,
    ),
    db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n ${from} WHERE ${visible}`),
  ]);
  return {
    total: Number(totals[0]?.n ?? 0), page: current, pageSize: CHANGES_PAGE_SIZE,
    rows: rows.map((r) => ({
      id: r.id.toString(), createdAt: r.createdAt,
      change: r.kind === "added" ? "new" : r.kind === "removed" ? "disabled" : (r.kind as "price_up" | "price_down"),
      itemKind: r.itemKind,
      serviceId: r.itemId, serviceName: r.name, category: r.category,
      oldRate: r.oldSellRate ? toLedgerString(r.oldSellRate) : null, newRate: r.newSellRate ? toLedgerString(r.newSellRate) : null,
    })),
  };
}

export type SyncRunView = {
  id: number; providerId: number; provider: string; trigger: string; status: string; phase: string; processed: number; total: number;
  startedAt: Date; finishedAt: Date | null; error: string | null; summary: unknown; intervalMinutes: number | null; nextSyncAt: Date | null;
};

/** Each provider with its schedule and its latest sync run (running or finished). */
export async function providerSyncOverview(db: Db, actor: StaffActor): Promise<SyncRunView[]> {
  assertStaff(actor);
  const providers = await db.provider.findMany({
    orderBy: { name: "asc" },
    take: 200,
    select: {
      id: true, name: true, catalogSyncIntervalMinutes: true, nextCatalogSyncAt: true,
      catalogSyncs: { orderBy: { id: "desc" }, take: 1 },
    },
  });
  return providers.map((p) => {
    const run = p.catalogSyncs[0];
    return {
      id: run?.id ?? 0, providerId: p.id, provider: p.name, trigger: run?.trigger ?? "", status: run?.status ?? "never",
      phase: run?.phase ?? "", processed: run?.processed ?? 0, total: run?.total ?? 0, startedAt: run?.startedAt ?? new Date(0),
      finishedAt: run?.finishedAt ?? null, error: run?.error ?? null, summary: run?.summary ?? null,
      intervalMinutes: p.catalogSyncIntervalMinutes, nextSyncAt: p.nextCatalogSyncAt,
    };
  });
}
