// Catalog syncs against the simulator over HTTP: the change log and summary of a re-sync after
// the upstream changed prices, names, limits, listings; unsellable listings switched off; stored
// fields capped; admin edits surviving; fixed prices overtaken by cost; the customers' Updates;
// scheduled syncs claimed once; one sync per provider at a time.
import { describe, expect, it } from "vitest";
import { ZSetSellRateInput } from "@/lib/pricing/schemas";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { setSellRate } from "@/lib/pricing/sell-rates";
import type { Db } from "@/lib/db/connection";
import { convertCurrency, Decimal } from "@/lib/money";
import { placeOrder } from "@/lib/orders/place-order";
import { createCustomer, makeActors, parsed, TEST_LINK, withTestProvider, type Actors, type TestProvider } from "@/lib/testing/fixtures";
import { priceByRule } from "@/lib/pricing/rule-price";
import type { SimService } from "@/lib/upstream/simulator/catalog";
import { listCustomerUpdates, listCatalogChanges } from "./change-log";
import { editService, ZEditServiceInput } from "./edit-service";
import { FIELD_CAPS } from "./listing-rules";
import { runDueCatalogSyncs, setSyncSchedule, ZSyncScheduleInput } from "./scheduled-sync";
import { syncCatalog } from "./sync-catalog";

let db: Db;
let provider: TestProvider;
let actors: Actors;
let upstream: SimService[];

const row = (s: SimService) => db.service.findUniqueOrThrow({ where: { providerId_upstreamId: { providerId: provider.providerId, upstreamId: String(s.id) } } });
const ruleRate = (s: SimService) => priceByRule(convertCurrency(s.rate, "1"), { percent: "20", fixedAmount: null, minPrice: null, roundStep: null }).toFixed(6);

withTestProvider(
  async (ready) => {
    ({ db, provider } = ready);
    upstream = provider.sim.catalog().services as SimService[];
    actors = await makeActors(db);
  },
  { seed: 31, services: 30, products: 3, sync: false },
);

describe("catalog sync change log", () => {
  it("a first sync logs every service as new, with a finished run, its progress and summary", async () => {
    const synced = await syncCatalog(db, provider.providerId, { markupPercent: "20", actorId: actors.admin.id });
    expect(synced).toMatchObject({ ok: true, services: { created: 30, updated: 0, delisted: 0 } });
    if (!synced.ok) return;
    const run = await db.catalogSyncRun.findUniqueOrThrow({ where: { id: synced.runId } });
    expect(run).toMatchObject({ status: "succeeded", processed: 33, total: 33, phase: "done", actorId: actors.admin.id });
    expect(run.summary).toMatchObject({ services: { listed: 30, changes: { added: 30, removed: 0 } }, products: { listed: 3 } });
    expect(await db.catalogChange.count({ where: { syncRunId: run.id, kind: "added", itemKind: "service" } })).toBe(30);
    for (const s of upstream.slice(0, 5)) expect((await row(s)).sellRate.toFixed(6)).toBe(ruleRate(s));
  });

  it("a re-sync logs price up/down, renames, limits, removals, additions and unsellable listings, and caps stored text", async () => {
    const [up, down, renamed, limits, zero, backwards, long, gone, edited, overtaken, confirmed] = upstream;
    // An admin's edits and two fixed prices before the upstream changes.
    expect(await editService(db, actors.admin, parsed(ZEditServiceInput, { serviceId: (await row(edited!)).id, name: "Our own name", category: "Our category", description: "Ours", sortOrder: "5", enabled: "on" }))).toEqual({ ok: true });
    expect(await editService(db, actors.staff, parsed(ZEditServiceInput, { serviceId: (await row(edited!)).id, name: "x", enabled: "on" }))).toMatchObject({ ok: false });
    const overtakenRow = await row(overtaken!);
    const fixed = new Decimal(overtaken!.rate).times("1.01").toDecimalPlaces(6, Decimal.ROUND_UP).toFixed(6);
    expect(await setSellRate(db, actors.admin, parsed(ZSetSellRateInput, { kind: "service", id: overtakenRow.id, sellRate: fixed }))).toMatchObject({ ok: true, belowCost: false });
    const confirmedRow = await row(confirmed!);
    const loss = new Decimal(confirmed!.rate).dividedBy(2).toDecimalPlaces(6).toFixed(6);
    expect(await setSellRate(db, actors.admin, parsed(ZSetSellRateInput, { kind: "service", id: confirmedRow.id, sellRate: loss, confirmBelowCost: true }))).toMatchObject({ ok: true, belowCost: true });

    const old = { up: up!.rate, down: down!.rate, name: renamed!.name, min: limits!.min, max: limits!.max };
    up!.rate = up!.rate.times(2);
    down!.rate = down!.rate.dividedBy(2).toDecimalPlaces(5);
    renamed!.name = `${renamed!.name} v2`;
    limits!.min += 1;
    limits!.max += 100;
    zero!.rate = new Decimal(0);
    backwards!.max = backwards!.min - 1;
    long!.name = "N".repeat(20_000);
    long!.category = "C".repeat(5_000);
    long!.description = "D😀".repeat(10_000);
    edited!.name = `${edited!.name} (upstream rename)`;
    overtaken!.rate = overtaken!.rate.times(3);
    confirmed!.rate = confirmed!.rate.times(3);
    upstream.splice(upstream.indexOf(gone!), 1);
    upstream.push({ ...gone!, id: 90_001, name: "Brand new service" });

    const synced = await syncCatalog(db, provider.providerId);
    expect(synced).toMatchObject({ ok: true, services: { created: 1, updated: 29, delisted: 1 } });
    if (!synced.ok) return;
    expect(synced.summary.services.changes, JSON.stringify(synced.summary.services.changes)).toMatchObject({ added: 1, removed: 1, renamed: 3, limits_changed: 2, invalid: 2 });
    expect(synced.summary.services.repricedAfterCostRise).toBe(1);
    expect(synced.warnings.some((w) => w.includes("rate 0 is not positive"))).toBe(true);
    expect(synced.warnings.some((w) => w.includes(`is below min`))).toBe(true);

    const changes = async (s: SimService | { id: number }) => {
      const r = await db.service.findUniqueOrThrow({ where: { providerId_upstreamId: { providerId: provider.providerId, upstreamId: String(s.id) } } });
      return db.catalogChange.findMany({ where: { syncRunId: synced.runId, itemKind: "service", itemId: r.id }, orderBy: { id: "asc" } });
    };
    expect(await changes(up!)).toMatchObject([{ kind: "price_up", oldValue: old.up.toFixed(), newValue: up!.rate.toFixed() }]);
    const upRow = await row(up!);
    expect(upRow.sellRate.toFixed(6)).toBe(ruleRate(up!));
    expect(await changes(down!)).toMatchObject([{ kind: "price_down", oldValue: old.down.toFixed(), newValue: down!.rate.toFixed() }]);
    expect(await changes(renamed!)).toMatchObject([{ kind: "renamed", oldValue: old.name, newValue: renamed!.name }]);
    expect(await changes(limits!)).toMatchObject([{ kind: "limits_changed", oldValue: `${old.min}–${old.max}`, newValue: `${limits!.min}–${limits!.max}` }]);
    expect((await changes(zero!)).map((c) => c.kind)).toContain("invalid");
    expect(await changes(gone!)).toMatchObject([{ kind: "removed" }]);
    expect(await changes({ id: 90_001 })).toMatchObject([{ kind: "added", newValue: "Brand new service" }]);

    // Unsellable listings are off, with the reason, and cannot be ordered or switched on.
    for (const [s, reason] of [[zero!, "rate 0 is not positive"], [backwards!, `max ${backwards!.max} is below min ${backwards!.min}`]] as const) {
      const r = await row(s);
      expect([r.enabled, r.invalidReason]).toEqual([false, reason]);
      expect(await editService(db, actors.admin, parsed(ZEditServiceInput, { serviceId: r.id, enabled: "on" }))).toMatchObject({ ok: false, code: "service_unavailable", fields: { enabled: { message: expect.stringContaining("cannot be sold") } } });
    }
    const customerId = await createCustomer(db, "100");
    expect(await placeOrder(db, customerId, { serviceId: (await row(zero!)).id, link: TEST_LINK, quantity: zero!.min })).toMatchObject({ ok: false, code: "service_unavailable" });

    // Stored text capped (in code points: no half emoji).
    const longRow = await row(long!);
    expect([longRow.name.length, longRow.upstreamName.length, longRow.category.length]).toEqual([FIELD_CAPS.name, FIELD_CAPS.name, FIELD_CAPS.category]);
    expect(Array.from(longRow.description!)).toHaveLength(FIELD_CAPS.description);
    expect(longRow.description!.endsWith("\uD83D")).toBe(false);

    // The admin's edits survived; the upstream's rename is kept beside them and logged.
    const editedRow = await row(edited!);
    expect(editedRow).toMatchObject({ name: "Our own name", category: "Our category", description: "Ours", sortOrder: 5, upstreamName: edited!.name, nameOverride: "Our own name" });
    expect((await changes(edited!)).map((c) => c.kind)).toEqual(["renamed"]);

    // A fixed price the cost overtook is repriced by its rule and flagged; a confirmed loss stays.
    const overtakenAfter = await row(overtaken!);
    expect(overtakenAfter).toMatchObject({ sellRateOverride: false, priceFlag: "cost_rose_above_fixed_price" });
    expect(overtakenAfter.sellRate.toFixed(6)).toBe(ruleRate(overtaken!));
    expect(await changes(overtaken!)).toMatchObject([{ kind: "price_up", oldSellRate: expect.anything(), newSellRate: expect.anything() }]);
    const confirmedAfter = await row(confirmed!);
    expect([confirmedAfter.sellRateOverride, confirmedAfter.sellRate.toFixed(6), confirmedAfter.priceFlag]).toEqual([true, loss, "below_cost_confirmed"]);

    // The admin log lists it all; the customers' Updates show new, removed and our price changes only.
    const staffLog = await listCatalogChanges(db, actors.staff, { providerId: String(provider.providerId), kind: "renamed" });
    expect(staffLog.rows.length).toBe(3);
    const updates = await listCustomerUpdates(db, { page: "1" });
    const ids = [upRow.id, (await row(gone!)).id, (await row({ ...gone!, id: 90_001 } as SimService)).id];
    const mine = updates.rows.filter((u) => ids.includes(u.serviceId));
    expect(new Set(mine.map((u) => u.change))).toEqual(new Set(["price_up", "disabled", "new"]));
    const limitsId = (await row(limits!)).id;
    // Its min/max change is not news to customers (its "new" entry from the first sync is).
    expect(updates.rows.filter((u) => u.serviceId === limitsId).map((u) => u.change)).toEqual(["new"]);
    expect(JSON.stringify(updates)).not.toContain("upstream");
    expect((await listCustomerUpdates(db, { page: "99999999999999999999" })).page).toBe(1);
  });

  it("a re-sync of an unchanged catalog logs nothing", async () => {
    const synced = await syncCatalog(db, provider.providerId);
    expect(synced.ok).toBe(true);
    if (synced.ok) expect(await db.catalogChange.count({ where: { syncRunId: synced.runId } })).toBe(0);
  });
});

describe("scheduled and concurrent syncs", () => {
  it("an admin sets the interval; a due provider is claimed by one worker only", async () => {
    expect(await setSyncSchedule(db, actors.staff, parsed(ZSyncScheduleInput, { providerId: provider.providerId, intervalMinutes: "60" }))).toMatchObject({ ok: false });
    const tooShort = ZSyncScheduleInput.safeParse({ providerId: provider.providerId, intervalMinutes: "2" });
    expect(tooShort.success ? {} : fieldErrorsOf(tooShort.error)).toMatchObject({ intervalMinutes: expect.any(String) });
    expect(await setSyncSchedule(db, actors.admin, parsed(ZSyncScheduleInput, { providerId: provider.providerId, intervalMinutes: "60" }))).toEqual({ ok: true, intervalMinutes: 60 });
    const soon = new Date(Date.now() + 61 * 60_000);
    const before = await db.catalogSyncRun.count({ where: { providerId: provider.providerId, trigger: "schedule" } });
    const claims = await Promise.all([runDueCatalogSyncs(db, { now: soon }), runDueCatalogSyncs(db, { now: soon })]);
    expect(claims.reduce((x, y) => x + y, 0)).toBeGreaterThanOrEqual(1);
    expect(await db.catalogSyncRun.count({ where: { providerId: provider.providerId, trigger: "schedule" } })).toBe(before + 1);
    expect(await runDueCatalogSyncs(db, { now: soon })).toBe(0);
    expect(await setSyncSchedule(db, actors.admin, parsed(ZSyncScheduleInput, { providerId: provider.providerId, intervalMinutes: "" }))).toEqual({ ok: true, intervalMinutes: null });
  });

  it("a second sync of the same provider is refused while one runs; an abandoned run is closed", async () => {
    const running = await db.catalogSyncRun.create({ data: { providerId: provider.providerId, trigger: "manual" } });
    expect(await syncCatalog(db, provider.providerId)).toMatchObject({ ok: false, code: "sync_running", message: expect.stringContaining("already running") });
    await db.catalogSyncRun.update({ where: { id: running.id }, data: { startedAt: new Date(Date.now() - 3_600_000) } });
    expect(await syncCatalog(db, provider.providerId)).toMatchObject({ ok: true });
    expect(await db.catalogSyncRun.findUniqueOrThrow({ where: { id: running.id } })).toMatchObject({ status: "failed" });
  });
});
