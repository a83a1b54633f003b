import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb, type Db } from "@/lib/db/connection";
import { applyMarkup, convertCurrency, Decimal } from "@/lib/money";
import { startTestProvider, type TestProvider } from "@/lib/testing/fixtures";
import { startSimulator } from "@/lib/upstream/simulator";
import { listCatalog, listProducts } from "./list-catalog";
import { parseMarkupPercent } from "@/lib/pricing/markup";
import { syncCatalog } from "./sync-catalog";

let db: Db;
let provider: TestProvider;
beforeAll(async () => {
  db = await getDb();
  provider = await startTestProvider(db, { seed: 5, services: 30, products: 8, sync: false });
});
afterAll(async () => {
  await provider.close();
  await closeDb();
});

describe("parseMarkupPercent", () => {
  it("reads 25%, 25, 12.5 % and refuses nonsense", () => {
    expect(parseMarkupPercent("25%")?.toString()).toBe("25");
    expect(parseMarkupPercent(" 12.5 % ")?.toString()).toBe("12.5");
    expect(parseMarkupPercent("0")?.toString()).toBe("0");
    for (const bad of ["", "%", "abc", "-100", "25%%", "1.00001"]) expect(parseMarkupPercent(bad), bad).toBeNull();
  });
});

describe("syncCatalog", () => {
  it("imports services and products with exact upstream rates and marked-up, converted sell rates", async () => {
    await db.provider.update({ where: { id: provider.providerId }, data: { exchangeRate: "0.9" } });
    const result = await syncCatalog(db, provider.providerId, { markupPercent: new Decimal(25) });
    expect(result).toMatchObject({ ok: true, services: { created: 30, updated: 0, delisted: 0 }, products: { created: 8 } });
    const { services, products } = provider.sim.catalog();
    for (const listed of services) {
      const row = await db.service.findUniqueOrThrow({ where: { providerId_upstreamId: { providerId: provider.providerId, upstreamId: String(listed.id) } } });
      expect(row.upstreamRate.toFixed()).toBe(listed.rate.toFixed());
      expect(row.sellRate.toFixed(6)).toBe(applyMarkup(convertCurrency(listed.rate, "0.9"), "25").toFixed(6));
      expect(row).toMatchObject({ type: listed.type, min: listed.min, max: listed.max, refill: listed.refill, cancel: listed.cancel, dripfeed: listed.dripfeed, enabled: true });
    }
    const product = await db.product.findFirstOrThrow({ where: { providerId: provider.providerId, upstreamId: String(products[0].id) } });
    expect(product.upstreamRate.toFixed()).toBe(products[0].rate.toFixed());
    expect(product.sellRate.toFixed(6)).toBe(applyMarkup(convertCurrency(products[0].rate, "0.9"), "25").toFixed(6));
  });

  it("keeps overridden prices, updates the rest, disables what vanished and never deletes", async () => {
    await syncCatalog(db, provider.providerId, { markupPercent: "25%" });
    const [fixed, other] = await db.service.findMany({ where: { providerId: provider.providerId }, orderBy: { id: "asc" }, take: 2 });
    await db.service.update({ where: { id: fixed.id }, data: { sellRate: "123.456", sellRateOverride: true } });
    const again = await syncCatalog(db, provider.providerId, { markupPercent: "50%" });
    expect(again).toMatchObject({ ok: true, services: { created: 0, updated: 30, delisted: 0 } });
    expect((await db.service.findUniqueOrThrow({ where: { id: fixed.id } })).sellRate.toFixed(6)).toBe("123.456000");
    expect((await db.service.findUniqueOrThrow({ where: { id: other.id } })).sellRate.toFixed(6)).toBe(
      applyMarkup(convertCurrency(other.upstreamRate.toFixed(), "0.9"), "50").toFixed(6),
    );

    // The same seed with fewer services: the provider stopped listing the last 10.
    const smaller = await startSimulator({ port: 0, seed: 5, services: 20, products: 8, apiKey: provider.sim.apiKey, clock: "manual" });
    try {
      await db.provider.update({ where: { id: provider.providerId }, data: { apiUrl: smaller.url } });
      const shrunk = await syncCatalog(db, provider.providerId, { markupPercent: "50" });
      expect(shrunk).toMatchObject({ ok: true, services: { updated: 20, delisted: 10 } });
      expect(await db.service.count({ where: { providerId: provider.providerId } })).toBe(30);
      expect(await db.service.count({ where: { providerId: provider.providerId, upstreamListed: false, enabled: false } })).toBe(10);
      const categories = await listCatalog(db);
      const listedIds = categories.flatMap((c) => c.services.map((s) => s.id));
      const delisted = await db.service.findMany({ where: { providerId: provider.providerId, upstreamListed: false } });
      expect(delisted.some((s) => listedIds.includes(s.id))).toBe(false);
    } finally {
      await db.provider.update({ where: { id: provider.providerId }, data: { apiUrl: provider.sim.url } });
      await smaller.close();
    }
    // Listed again: marked listed, but stays disabled until an admin enables it.
    const back = await syncCatalog(db, provider.providerId, { markupPercent: "50" });
    expect(back).toMatchObject({ ok: true, services: { delisted: 0 } });
    expect(await db.service.count({ where: { providerId: provider.providerId, upstreamListed: false } })).toBe(0);
    expect(await db.service.count({ where: { providerId: provider.providerId, enabled: false } })).toBe(10);
  });

  it("changes nothing when the upstream cannot be read", async () => {
    const before = await db.service.findMany({ where: { providerId: provider.providerId }, orderBy: { id: "asc" } });
    provider.sim.setFault("services", { type: "http502" });
    const failed = await syncCatalog(db, provider.providerId, { markupPercent: "10" });
    provider.sim.setFault("services", null);
    expect(failed).toMatchObject({ ok: false, code: "sync_failed", message: expect.stringContaining("services") });
    expect(await db.service.findMany({ where: { providerId: provider.providerId }, orderBy: { id: "asc" } })).toEqual(before);
    expect(await syncCatalog(db, provider.providerId, { markupPercent: "nonsense" })).toMatchObject({ ok: false, code: "invalid_value" });
    expect(await syncCatalog(db, 987_654_321, { markupPercent: "10" })).toMatchObject({ ok: false, code: "not_found", message: "No provider 987654321." });
  });

  it("lists the customer catalog by category with our prices only", async () => {
    const categories = await listCatalog(db);
    const ours = categories.flatMap((c) => c.services).filter((s) => s.name);
    expect(ours.length).toBeGreaterThan(0);
    for (const category of categories) expect(category.services.every((s) => s.category === category.category)).toBe(true);
    const sample = ours[0];
    expect(Object.keys(sample).sort()).toEqual(["cancel", "category", "description", "dripfeed", "id", "max", "min", "name", "refill", "sellRate", "type"]);
    expect(sample.sellRate).toMatch(/^\d+\.\d{6}$/);
    const products = await listProducts(db);
    expect(products.length).toBeGreaterThan(0);
    expect(JSON.stringify(products)).not.toContain("upstream");
  });
});
