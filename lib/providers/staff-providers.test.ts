import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/connection";
import { applyMarkup } from "@/lib/money";
import type { SimulatorHandle } from "@/lib/upstream/simulator";
import {
  addProviderForAdmin, checkProviderForAdmin, listProvidersForStaff, setProviderEnabled, syncProviderCatalog,
} from "./staff-providers";
import { addSimulatorProvider, parsed, uniqueLabel as unique, withActorsAndSimulator, type Actors } from "@/lib/testing/fixtures";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { ZProviderInput, ZSetProviderEnabledInput, ZSyncCatalogInput } from "./schemas";
import { listCustomerUpdates } from "@/lib/catalog/change-log";
import { setPriceRule } from "@/lib/pricing/price-rules";
import { ZPriceRuleInput } from "@/lib/pricing/schemas";

let db: Db;
let sim: SimulatorHandle;
let actors: Actors;
withActorsAndSimulator({ seed: 11, services: 24, products: 4, balance: "1234.56789", apiKey: "sim-secret-key-abc" }, (ready) => ({ db, actors, sim } = ready));

describe("providers for staff", () => {
  it("lists providers without their key, and refuses a customer", async () => {
    const id = await addSimulatorProvider(db, sim);
    const rows = await listProvidersForStaff(db, actors.staff);
    const row = rows.find((p) => p.id === id)!;
    expect(row).toMatchObject({ apiUrl: sim.url, currency: "USD", exchangeRate: "1", enabled: true, lastBalance: null, services: 0 });
    expect(JSON.stringify(rows)).not.toContain("sim-secret-key-abc");
    expect(Object.keys(row)).not.toContain("apiKeyEncrypted");
    await expect(listProvidersForStaff(db, actors.customer)).rejects.toThrow("Staff only.");
  });

  it("adds a provider for an admin only, with errors beside the fields and nothing written on error", async () => {
    const name = unique("added");
    const valid = { name, url: sim.url, key: "k", exchangeRate: "0.9", timeoutMs: "5000" };
    expect(await addProviderForAdmin(db, actors.staff, parsed(ZProviderInput, valid))).toEqual({ ok: false, code: "not_allowed", message: "Only an admin can do this." });
    // Bad fields are refused by the boundary's schema (the action's), so nothing reaches the database.
    const bad = ZProviderInput.safeParse({ ...valid, url: "ftp://x", exchangeRate: "abc", timeoutMs: "10" });
    expect(bad.success).toBe(false);
    expect(Object.keys(bad.success ? {} : fieldErrorsOf(bad.error)).sort()).toEqual(["exchangeRate", "timeoutMs", "url"]);
    expect(await db.provider.count({ where: { name } })).toBe(0);
    expect(await addProviderForAdmin(db, actors.admin, parsed(ZProviderInput, valid))).toMatchObject({ ok: true });
    expect(await addProviderForAdmin(db, actors.admin, parsed(ZProviderInput, valid))).toMatchObject({ ok: false, code: "name_taken", fields: { name: { code: "name_taken" } } });
    const stored = await db.provider.findUniqueOrThrow({ where: { name }, select: { exchangeRate: true, timeoutMs: true } });
    expect([stored.exchangeRate.toFixed(), stored.timeoutMs]).toEqual(["0.9", 5000]);
  });

  it("check reports balance and service count and remembers the balance; an unreachable provider gets a classified error", async () => {
    const id = await addSimulatorProvider(db, sim);
    const report = await checkProviderForAdmin(db, actors.admin, id);
    expect(report).toEqual({ ok: true, balance: "1234.56789", currency: "USD", services: 24, products: 4, warning: undefined });
    const row = await db.provider.findUniqueOrThrow({ where: { id }, select: { lastBalance: true, lastBalanceAt: true } });
    expect(row.lastBalance?.toFixed()).toBe("1234.56789");
    expect(row.lastBalanceAt).not.toBeNull();

    const dead = await addProviderForAdmin(db, actors.admin, parsed(ZProviderInput, { name: unique("dead"), url: "http://127.0.0.1:9/api/v2", key: "k", timeoutMs: "1000" }));
    if (!dead.ok || !("provider" in dead)) throw new Error("not added");
    const failed = await checkProviderForAdmin(db, actors.admin, dead.provider.id);
    expect(failed.ok).toBe(false);
    expect(failed).toMatchObject({ code: "service_unavailable", message: expect.stringMatching(/^balance: /) });
    const deadRow = await db.provider.findUniqueOrThrow({ where: { id: dead.provider.id }, select: { lastBalance: true } });
    expect(deadRow.lastBalance).toBeNull();
    expect(await checkProviderForAdmin(db, actors.customer, id)).toEqual({ ok: false, code: "not_allowed", message: "Only an admin can do this." });
    expect(await checkProviderForAdmin(db, actors.admin, 999_999)).toMatchObject({ ok: false, message: "No such provider." });
  });

  it("a sync never changes a pricing rule: the products rule and prices stay; a rule change is on /updates, products included", async () => {
    const id = await addSimulatorProvider(db, sim);
    expect(await syncProviderCatalog(db, actors.admin, parsed(ZSyncCatalogInput, { providerId: id, markupPercent: "25%" }))).toMatchObject({ ok: true });
    const rule = (itemKind: "service" | "product") => db.priceRule.findFirstOrThrow({ where: { itemKind, scope: "provider", providerId: id }, select: { percent: true } });
    const productPrices = async () => (await db.product.findMany({ where: { providerId: id }, orderBy: { id: "asc" }, select: { sellRate: true } })).map((p) => p.sellRate.toFixed(6));
    // The admin sets the services rule to 30 % on the Pricing page.
    const services30 = await setPriceRule(db, actors.admin, parsed(ZPriceRuleInput, { itemKind: "service", scope: "provider", providerId: String(id), percent: "30" }));
    expect(services30).toMatchObject({ ok: true });
    const before = await productPrices();
    expect(before.length).toBeGreaterThan(0);

    // "Sync catalog" with a markup on a provider that has a catalog: refused beside the field, nothing changed.
    const refused = await syncProviderCatalog(db, actors.admin, parsed(ZSyncCatalogInput, { providerId: id, markupPercent: "30%" }));
    expect(refused).toMatchObject({ ok: false, fields: { markupPercent: { message: expect.stringContaining("Pricing page") } } });
    // A plain sync prices by the rules as they are.
    expect(await syncProviderCatalog(db, actors.admin, parsed(ZSyncCatalogInput, { providerId: id }))).toMatchObject({ ok: true });
    expect(String((await rule("product")).percent)).toBe("25");
    expect(String((await rule("service")).percent)).toBe("30");
    expect(await productPrices()).toEqual(before);

    // An explicit rule change for products reprices them, and customers see each change on /updates.
    expect(await setPriceRule(db, actors.admin, parsed(ZPriceRuleInput, { itemKind: "product", scope: "provider", providerId: String(id), percent: "40" }))).toMatchObject({ ok: true });
    const products = await db.product.findMany({ where: { providerId: id, enabled: true, upstreamListed: true }, select: { id: true } });
    const updates = await listCustomerUpdates(db);
    const shown = updates.rows.filter((u) => u.itemKind === "product" && u.change === "price_up" && products.some((p) => p.id === u.serviceId));
    expect(shown).toHaveLength(products.length);
  });

  it("syncs the catalog with a markup for an admin; a bad markup or a staff member changes nothing", async () => {
    const id = await addSimulatorProvider(db, sim);
    expect(await syncProviderCatalog(db, actors.staff, parsed(ZSyncCatalogInput, { providerId: id, markupPercent: "25%" }))).toEqual({ ok: false, code: "not_allowed", message: "Only an admin can do this." });
    // A blank markup is allowed: it syncs at the pricing rules as they are.
    for (const markupPercent of ["abc", "-100", "-5", "25.12345"]) {
      const bad = ZSyncCatalogInput.safeParse({ providerId: id, markupPercent });
      expect(bad.success ? {} : fieldErrorsOf(bad.error)).toMatchObject({ markupPercent: expect.any(String) });
    }
    expect(await db.service.count({ where: { providerId: id } })).toBe(0);

    const synced = await syncProviderCatalog(db, actors.admin, parsed(ZSyncCatalogInput, { providerId: id, markupPercent: "25%" }));
    expect(synced).toMatchObject({ ok: true, services: { created: 24, updated: 0, delisted: 0 } });
    const upstream = sim.catalog().services[0];
    const row = await db.service.findUniqueOrThrow({ where: { providerId_upstreamId: { providerId: id, upstreamId: String(upstream.id) } } });
    expect(row.upstreamRate.toFixed()).toBe(upstream.rate.toFixed());
    expect(row.sellRate.toFixed(6)).toBe(applyMarkup(upstream.rate, "25").toFixed(6));
    expect(row.markupPercent.toFixed()).toBe("25");
  });

  it("enables and disables a provider for an admin only", async () => {
    const id = await addSimulatorProvider(db, sim);
    expect(await setProviderEnabled(db, actors.staff, parsed(ZSetProviderEnabledInput, { providerId: String(id), enabled: "false" }))).toEqual({ ok: false, code: "not_allowed", message: "Only an admin can do this." });
    expect(await setProviderEnabled(db, actors.admin, parsed(ZSetProviderEnabledInput, { providerId: String(id), enabled: "false" }))).toEqual({ ok: true });
    expect((await db.provider.findUniqueOrThrow({ where: { id } })).enabled).toBe(false);
    expect(ZSetProviderEnabledInput.safeParse({ providerId: String(id), enabled: "yes" }).success).toBe(false);
    expect(await setProviderEnabled(db, actors.admin, parsed(ZSetProviderEnabledInput, { providerId: "999999", enabled: "true" }))).toMatchObject({ ok: false, message: "No such provider." });
  });
});
