import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncCatalog } from "@/lib/catalog/sync-catalog";
import { closeDb, getDb, type Db } from "@/lib/db/connection";
import { applyMarkup, Decimal } from "@/lib/money";
import { startSimulator, type SimulatorHandle } from "@/lib/upstream/simulator";
import { listProductsForStaff, listServicesForStaff } from "@/lib/catalog/staff-catalog";
import { setCatalogItemEnabled } from "@/lib/catalog/set-item-enabled";
import { ZCatalogItemRef, ZSetEnabledInput } from "@/lib/catalog/schemas";
import { clearSellRateOverride, setSellRate } from "./sell-rates";
import { addSimulatorProvider, makeActors, parsed } from "@/lib/testing/fixtures";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { ZSetSellRateInput } from "./schemas";

let db: Db;
let sim: SimulatorHandle;
let actors: Awaited<ReturnType<typeof makeActors>>;
let providerId: number;

const services = () => db.service.findMany({ where: { providerId }, orderBy: { id: "asc" } });

beforeAll(async () => {
  db = await getDb();
  sim = await startSimulator({ port: 0, seed: 5, services: 12, products: 3 });
  actors = await makeActors(db);
  providerId = await addSimulatorProvider(db, sim);
  // An exchange rate other than 1, so that prices are converted before the markup.
  await db.provider.update({ where: { id: providerId }, data: { exchangeRate: "0.5" } });
  const synced = await syncCatalog(db, providerId, { markupPercent: new Decimal(20) });
  if (!synced.ok) throw new Error(synced.message);
});
afterAll(async () => {
  await sim.close();
  await closeDb();
});

describe("sell-rate overrides", () => {
  it("refuses bad decimal input beside the field and changes nothing", async () => {
    const [row] = await services();
    for (const sellRate of ["", "abc", "1,50", "0", "-1", "1.1234567", "NaN", "Infinity", "1e13", " ", "0x10"]) {
      const result = ZSetSellRateInput.safeParse({ kind: "service", id: String(row.id), sellRate });
      expect(result.success ? {} : fieldErrorsOf(result.error), `"${sellRate}"`).toMatchObject({ sellRate: expect.any(String) });
    }
    const after = await db.service.findUniqueOrThrow({ where: { id: row.id } });
    expect([after.sellRate.toFixed(6), after.sellRateOverride]).toEqual([row.sellRate.toFixed(6), false]);
  });

  it("is admin-only", async () => {
    const [row] = await services();
    for (const actor of [actors.staff, actors.customer]) {
      expect(await setSellRate(db, actor, parsed(ZSetSellRateInput, { kind: "service", id: row.id, sellRate: "9" }))).toMatchObject({ ok: false });
      expect(await clearSellRateOverride(db, actor, parsed(ZCatalogItemRef, { kind: "service", id: row.id }))).toMatchObject({ ok: false });
      expect(await setCatalogItemEnabled(db, actor, parsed(ZSetEnabledInput, { kind: "service", id: row.id, enabled: "false" }))).toMatchObject({ ok: false });
    }
    expect((await db.service.findUniqueOrThrow({ where: { id: row.id } })).sellRate.toFixed(6)).toBe(row.sellRate.toFixed(6));
    await expect(listServicesForStaff(db, actors.customer)).rejects.toThrow();
  });

  it("keeps an override across syncs, while the other rows follow the new markup; clearing returns to markup pricing", async () => {
    const [overridden, other] = await services();
    // A price clearly above cost: a sync keeps it.
    const fixedRate = new Decimal(overridden.upstreamRate.toFixed()).times(10).plus(1).toFixed(6);
    const set = await setSellRate(db, actors.admin, parsed(ZSetSellRateInput, { kind: "service", id: String(overridden.id), sellRate: fixedRate }));
    expect(set).toMatchObject({ ok: true, sellRate: fixedRate, belowCost: false });

    const resynced = await syncCatalog(db, providerId, { markupPercent: new Decimal(50) });
    expect(resynced.ok).toBe(true);
    const keptRow = await db.service.findUniqueOrThrow({ where: { id: overridden.id } });
    expect([keptRow.sellRate.toFixed(6), keptRow.sellRateOverride]).toEqual([fixedRate, true]);
    const otherRow = await db.service.findUniqueOrThrow({ where: { id: other.id } });
    const expectedOther = applyMarkup(new Decimal(other.upstreamRate.toFixed()).times("0.5"), "50").toFixed(6);
    expect(otherRow.sellRate.toFixed(6)).toBe(expectedOther);
    expect(otherRow.sellRate.toFixed(6)).not.toBe(other.sellRate.toFixed(6));

    const listed = await listServicesForStaff(db, actors.staff, { providerId: String(providerId), override: "yes" });
    expect(listed.rows.map((r) => [r.id, r.sellRate, r.sellRateOverride])).toEqual([[overridden.id, fixedRate, true]]);

    const cleared = await clearSellRateOverride(db, actors.admin, parsed(ZCatalogItemRef, { kind: "service", id: overridden.id }));
    const expected = applyMarkup(new Decimal(overridden.upstreamRate.toFixed()).times("0.5"), "50").toFixed(6);
    expect(cleared).toMatchObject({ ok: true, sellRate: expected });
    const clearedRow = await db.service.findUniqueOrThrow({ where: { id: overridden.id } });
    expect([clearedRow.sellRate.toFixed(6), clearedRow.sellRateOverride]).toEqual([expected, false]);
  });

  it("tells when an override is below the upstream cost, and lists exact costs", async () => {
    const [, , row] = await services();
    const cost = new Decimal(row.upstreamRate.toFixed()).times("0.5");
    const below = cost.minus("0.000001").toFixed(6);
    expect(new Decimal(below).gt(0)).toBe(true);
    // Refused beside the field until the admin confirms; nothing changes meanwhile.
    const refused = await setSellRate(db, actors.admin, parsed(ZSetSellRateInput, { kind: "service", id: row.id, sellRate: below }));
    expect(refused).toMatchObject({ ok: false, code: "below_cost", fields: { sellRate: { message: expect.stringContaining("Below the upstream cost") } } });
    expect((await db.service.findUniqueOrThrow({ where: { id: row.id } })).sellRateOverride).toBe(false);
    expect(await setSellRate(db, actors.admin, parsed(ZSetSellRateInput, { kind: "service", id: row.id, sellRate: below, confirmBelowCost: "on" }))).toMatchObject({ ok: true, belowCost: true });
    expect((await db.service.findUniqueOrThrow({ where: { id: row.id } })).priceFlag).toBe("below_cost_confirmed");
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "sell_rate.fix", entityId: String(row.id) }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ actorId: actors.admin.id, after: expect.objectContaining({ sellRate: below, flag: "below_cost_confirmed" }) });
    const page = await listServicesForStaff(db, actors.staff, { search: row.upstreamId, providerId });
    const listed = page.rows.find((r) => r.id === row.id)!;
    expect(listed).toMatchObject({ upstreamRate: row.upstreamRate.toFixed(), cost: cost.toFixed(), belowCost: true, sellRateOverride: true });
  });

  it("switches rows off and on, but never on when the provider stopped listing them", async () => {
    const [, , , row] = await services();
    expect(await setCatalogItemEnabled(db, actors.admin, parsed(ZSetEnabledInput, { kind: "service", id: row.id, enabled: "false" }))).toEqual({ ok: true });
    expect((await listServicesForStaff(db, actors.staff, { providerId, enabled: "no" })).rows.map((r) => r.id)).toContain(row.id);
    expect(await setCatalogItemEnabled(db, actors.admin, parsed(ZSetEnabledInput, { kind: "service", id: row.id, enabled: "true" }))).toEqual({ ok: true });
    await db.service.update({ where: { id: row.id }, data: { upstreamListed: false, enabled: false } });
    const refused = await setCatalogItemEnabled(db, actors.admin, parsed(ZSetEnabledInput, { kind: "service", id: row.id, enabled: "true" }));
    expect(refused).toMatchObject({ ok: false, code: "service_unavailable", message: expect.stringContaining("no longer lists") });
    expect((await db.service.findUniqueOrThrow({ where: { id: row.id } })).enabled).toBe(false);
  });

  it("works the same on products", async () => {
    const { rows } = await listProductsForStaff(db, actors.staff, { providerId });
    expect(rows).toHaveLength(3);
    const [product] = rows;
    expect(ZSetSellRateInput.safeParse({ kind: "product", id: product.id, sellRate: "abc" }).success).toBe(false);
    expect(await setSellRate(db, actors.admin, parsed(ZSetSellRateInput, { kind: "product", id: product.id, sellRate: "2.5", confirmBelowCost: true }))).toMatchObject({ ok: true, sellRate: "2.500000" });
    const stored = await db.product.findUniqueOrThrow({ where: { id: product.id } });
    expect([stored.sellRate.toFixed(6), stored.sellRateOverride]).toEqual(["2.500000", true]);
    expect(await setSellRate(db, actors.admin, parsed(ZSetSellRateInput, { kind: "product", id: 999_999, sellRate: "1" }))).toMatchObject({ ok: false, message: "No such product." });
  });
});
