// Repricing in the database: the one SQL statement against the TypeScript formula for random
// rules at every level, preview = save, audit, staff refused; customer discounts and custom
// prices the same in the catalog, /api/v2 services and the charge of a placed order; the CLI.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys";
import { createApiHandler } from "@/lib/api-v2/handle-request";
import { serveHandler } from "@/lib/api-v2/testing/serve-handler";
import { makeActors, parsed } from "@/lib/testing/fixtures";
import { fieldMessages } from "@/lib/result";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { ZCustomPriceInput, ZDiscountInput, ZPriceRuleInput, ZPriceRuleRef } from "./schemas";
import { listCatalog } from "@/lib/catalog/list-catalog";
import { runCli } from "@/lib/cli/main";
import type { Db } from "@/lib/db/connection";
import { convertCurrency, Decimal, serviceCharge } from "@/lib/money";
import { placeOrder } from "@/lib/orders/place-order";
import { createCustomer, startTestProvider, TEST_LINK, type TestProvider } from "@/lib/testing/fixtures";
import { createUpstreamClient } from "@/lib/upstream";
import { setCustomerDiscount, setCustomerServicePrice } from "./set-customer-pricing";
import { sellRateFor } from "./customer-rate";
import { nonPositiveChargeRefusal } from "./order-charge";
import { listPriceRules, previewPriceRule, removePriceRule, setPriceRule } from "./price-rules";
import { priceByRule, ruleFor, type ScopedRule } from "./rule-price";
import { usePrivateDatabase } from "./testing/private-database";

let db: Db;
let release: () => Promise<void>;
let a: TestProvider;
let b: TestProvider;
let actors: Awaited<ReturnType<typeof makeActors>>;

beforeAll(async () => {
  ({ db, release } = await usePrivateDatabase("panel_pricing"));
  a = await startTestProvider(db, { seed: 21, services: 60, products: 4, markup: "10" });
  b = await startTestProvider(db, { seed: 22, services: 40, products: 4, markup: "30" });
  await db.provider.update({ where: { id: b.providerId }, data: { exchangeRate: "0.8" } });
  actors = await makeActors(db);
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  await release?.();
});

async function expectPricesFollowRules() {
  const [rules, services] = await Promise.all([
    db.priceRule.findMany({ where: { itemKind: "service" } }),
    db.service.findMany({ where: { sellRateOverride: false, invalidReason: null }, include: { provider: { select: { exchangeRate: true } } } }),
  ]);
  const scoped = rules.map((r) => ({ ...r, percent: r.percent?.toFixed() ?? null, fixedAmount: r.fixedAmount?.toFixed() ?? null, minPrice: r.minPrice?.toFixed() ?? null, roundStep: r.roundStep?.toFixed() ?? null })) as ScopedRule[];
  for (const s of services) {
    const rule = ruleFor(scoped, s);
    const cost = convertCurrency(s.upstreamRate.toFixed(), s.provider.exchangeRate.toFixed());
    expect([s.id, s.sellRate.toFixed(6), s.priceRuleId]).toEqual([s.id, priceByRule(cost, rule).toFixed(6), rule?.id ?? null]);
  }
}

describe("pricing rules", () => {
  it("the set-based repricing equals the formula for random rules at every level", async () => {
    const categories = [...new Set((await db.service.findMany({ select: { category: true } })).map((s) => s.category))];
    const serviceIds = (await db.service.findMany({ select: { id: true }, take: 20 })).map((s) => s.id);
    const term = (places: number, max: number) => fc.option(fc.integer({ min: 0, max: max * 10 ** places }).map((n) => new Decimal(n).dividedBy(10 ** places).toFixed()), { nil: undefined });
    const terms = fc.record({ percent: term(4, 300), fixedAmount: term(6, 5), minPrice: fc.option(fc.integer({ min: 1, max: 2_000_000 }).map((n) => new Decimal(n).dividedBy(1e6).toFixed()), { nil: undefined }), roundStep: fc.option(fc.constantFrom("0.01", "0.05", "0.1", "1"), { nil: undefined }) })
      .map((t) => (t.percent === undefined && t.fixedAmount === undefined ? { ...t, percent: "5" } : t));
    const target = fc.oneof(
      fc.constant({ scope: "global" }),
      fc.constantFrom(a.providerId, b.providerId).map((providerId) => ({ scope: "provider", providerId })),
      fc.constantFrom(...categories).map((category) => ({ scope: "category", category })),
      fc.constantFrom(...serviceIds).map((itemId) => ({ scope: "item", itemId })),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(target, terms), { minLength: 1, maxLength: 4 }), async (steps) => {
        for (const [t, x] of steps) {
          const saved = await setPriceRule(db, actors.admin, parsed(ZPriceRuleInput, { itemKind: "service", ...t, ...x }));
          expect(saved.ok, JSON.stringify(saved)).toBe(true);
        }
        await expectPricesFollowRules();
      }),
      { numRuns: 12 },
    );
  });

  it("a preview shows exactly what saving changes, and saves nothing; saving is audited; staff may look but not save", async () => {
    const input = parsed(ZPriceRuleInput, { itemKind: "service", scope: "provider", providerId: String(a.providerId), percent: "77.5", roundStep: "0.01" });
    const before = await db.service.findMany({ orderBy: { id: "asc" }, select: { id: true, sellRate: true } });
    const preview = await previewPriceRule(db, actors.staff, input);
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(await db.service.findMany({ orderBy: { id: "asc" }, select: { id: true, sellRate: true } })).toEqual(before);
    expect(await setPriceRule(db, actors.staff, input)).toEqual({ ok: false, code: "not_allowed", message: "Only an admin can do this." });

    const lastChange = (await db.catalogChange.aggregate({ _max: { id: true } }))._max.id ?? 0n;
    const saved = await setPriceRule(db, actors.admin, input);
    expect(saved).toMatchObject({ ok: true, counts: { up: preview.preview.counts.up, down: preview.preview.counts.down } });
    for (const row of preview.preview.rows) {
      expect((await db.service.findUniqueOrThrow({ where: { id: row.id } })).sellRate.toFixed(6)).toBe(row.newRate);
    }
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "price_rule.set" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ actorId: actors.admin.id, entityType: "PriceRule", after: expect.objectContaining({ percent: "77.5", roundStep: "0.01" }) });
    const logged = await db.catalogChange.count({ where: { kind: { in: ["price_up", "price_down"] }, id: { gt: lastChange } } });
    expect(logged).toBe(preview.preview.counts.changed);
    await expectPricesFollowRules();
  });

  it("refuses bad terms beside the field and unknown targets; removing a rule reprices by the next one down", async () => {
    for (const [bad, field] of [
      [{ scope: "global", percent: "-1" }, "percent"], [{ scope: "global", percent: "abc" }, "percent"], [{ scope: "global" }, "percent"],
      [{ scope: "global", percent: "1", roundStep: "0" }, "roundStep"], [{ scope: "global", percent: "1", minPrice: "1.0000001" }, "minPrice"],
      [{ scope: "provider", percent: "1" }, "providerId"], [{ scope: "provider", providerId: "999999", percent: "1" }, "providerId"],
      [{ scope: "item", itemId: "999999", percent: "1" }, "itemId"], [{ scope: "category", category: " ", percent: "1" }, "category"],
    ] as const) {
      // Terms the schema refuses never reach setPriceRule (the action and the CLI parse first); targets that do not exist are refused by it.
      const rule = ZPriceRuleInput.safeParse(bad);
      const result = rule.success ? await setPriceRule(db, actors.admin, rule.data) : null;
      const fields = rule.success ? (result && !result.ok ? fieldMessages(result) : undefined) : fieldErrorsOf(rule.error);
      expect(fields, JSON.stringify(bad)).toMatchObject({ [field]: expect.any(String) });
    }
    const rules = await listPriceRules(db, actors.staff);
    const item = rules.find((r) => r.scope === "item");
    if (item) {
      expect(await removePriceRule(db, actors.admin, parsed(ZPriceRuleRef, { ruleId: item.id }))).toMatchObject({ ok: true });
      expect(await db.priceRule.count({ where: { id: item.id } })).toBe(0);
    }
    await expectPricesFollowRules();
  });
});

describe("customer prices", () => {
  it("a discount and a custom price apply alike in the catalog, /api/v2 services and the charge of an order", async () => {
    const customerId = await createCustomer(db, "1000");
    const customer = await db.user.findUniqueOrThrow({ where: { id: customerId } });
    const services = await db.service.findMany({ where: { providerId: a.providerId, type: "Default", enabled: true }, orderBy: { id: "asc" }, take: 2, include: { provider: true } });
    const [discounted, custom] = services;
    expect(await setCustomerDiscount(db, actors.staff, parsed(ZDiscountInput, { customerId, percent: "10" }))).toMatchObject({ ok: false });
    expect(ZDiscountInput.safeParse({ customerId, percent: "100" }).success).toBe(false);
    expect(await setCustomerDiscount(db, actors.admin, parsed(ZDiscountInput, { customerId, percent: "12.5" }))).toEqual({ ok: true, percent: "12.5" });
    const cost = convertCurrency(custom!.upstreamRate.toFixed(), custom!.provider.exchangeRate.toFixed());
    const below = cost.dividedBy(2).toDecimalPlaces(6).toFixed(6);
    expect(await setCustomerServicePrice(db, actors.admin, parsed(ZCustomPriceInput, { customerId, serviceId: custom!.id, sellRate: below }))).toMatchObject({ ok: false, code: "below_cost", fields: { sellRate: { message: expect.stringContaining("Below the upstream cost") } } });
    expect(await setCustomerServicePrice(db, actors.admin, parsed(ZCustomPriceInput, { customerId, serviceId: custom!.id, sellRate: below, confirmBelowCost: "on" }))).toMatchObject({ ok: true, belowCost: true });

    const expectedDiscounted = new Decimal(discounted!.sellRate.toFixed()).times("0.875").toDecimalPlaces(6, Decimal.ROUND_UP);
    const floor = convertCurrency(discounted!.upstreamRate.toFixed(), "1").toDecimalPlaces(6, Decimal.ROUND_UP);
    const want = { [discounted!.id]: Decimal.max(expectedDiscounted, floor).toFixed(6), [custom!.id]: below };

    for (const s of services) expect((await sellRateFor(db, customerId, s.id))!.toFixed(6)).toBe(want[s.id]);
    const catalog = (await listCatalog(db, { customerId })).flatMap((c) => c.services);
    for (const s of services) expect(catalog.find((c) => c.id === s.id)).toMatchObject({ sellRate: want[s.id], listRate: s.sellRate.toFixed(6) });
    const others = (await listCatalog(db, { customerId: (await makeActors(db)).customer.id })).flatMap((c) => c.services);
    for (const s of services) expect(others.find((c) => c.id === s.id)!.sellRate).toBe(s.sellRate.toFixed(6));

    process.env.API_RATE_LIMIT_PER_MINUTE = "100000";
    const served = await serveHandler({ POST: createApiHandler() });
    try {
      const key = await createApiKey(db, customerId, "pricing test");
      if (!key.ok) throw new Error(key.message);
      const listed = await createUpstreamClient({ url: served.url, key: key.key }).services();
      expect(listed.ok).toBe(true);
      if (listed.ok) for (const s of services) expect(listed.value.find((l) => l.service === String(s.id))!.rate.toFixed(6)).toBe(want[s.id]);
    } finally {
      await served.close();
    }

    for (const s of services) {
      const placed = await placeOrder(db, customerId, { serviceId: s.id, link: TEST_LINK, quantity: s.min });
      expect(placed.ok, JSON.stringify(placed)).toBe(true);
      if (placed.ok) expect(placed.order.charge).toBe(serviceCharge(want[s.id]!, s.min).toFixed(6));
    }
    expect(customer.email).toContain("@");
  });
});

describe("what the database refuses", () => {
  it("no enabled item at a price of zero, no order with a charge of zero; placement refuses it with a code first", async () => {
    const service = await db.service.findFirstOrThrow({ where: { enabled: true } });
    await expect(db.service.update({ where: { id: service.id }, data: { sellRate: "0", sellRateOverride: true } })).rejects.toThrow(/Service_enabled_sell_rate_positive/);
    await expect(db.customerServicePrice.create({ data: { userId: actors.customer.id, serviceId: service.id, sellRate: "0" } })).rejects.toThrow(/CustomerServicePrice_positive/);
    const customerId = await createCustomer(db);
    await expect(db.order.create({ data: { userId: customerId, kind: "service", serviceId: service.id, providerId: service.providerId, quantity: 10, charge: "0", requestHash: "zero" } })).rejects.toThrow(/Order_charge_positive/);
    expect(nonPositiveChargeRefusal(new Decimal(0))).toMatchObject({ ok: false, code: "charge_not_positive" });
    expect(nonPositiveChargeRefusal(new Decimal("0.000001"))).toBeNull();
  });
});

describe("CLI", () => {
  const cli = async (...argv: string[]) => {
    const out: string[] = [];
    const log = console.log, error = console.error;
    console.log = (...x: unknown[]) => void out.push(x.join(" "));
    console.error = (...x: unknown[]) => void out.push(x.join(" "));
    try {
      return { code: await runCli(argv, { keepDb: true }), text: out.join("\n") };
    } finally {
      console.log = log;
      console.error = error;
    }
  };

  it("price-rule:set / price-rule:list / discount:set use the same functions as the pages", async () => {
    const provider = await db.provider.findUniqueOrThrow({ where: { id: b.providerId } });
    const set = await cli("price-rule:set", "--scope", `provider:${provider.name}`, "--percent", "40", "--round", "0.05");
    expect(set, set.text).toMatchObject({ code: 0 });
    expect(set.text).toMatch(/Rule \d+ saved for provider:.* \d+ prices up, \d+ down\./);
    await expectPricesFollowRules();
    const rule = await db.priceRule.findFirstOrThrow({ where: { scope: "provider", providerId: b.providerId, itemKind: "service" } });
    expect([rule.percent?.toFixed(), rule.roundStep?.toFixed()]).toEqual(["40", "0.05"]);
    expect(await db.auditLog.count({ where: { action: "price_rule.set", entityId: String(rule.id), actorId: null } })).toBeGreaterThan(0);

    expect(await cli("price-rule:set", "--scope", "galaxy", "--percent", "1")).toMatchObject({ code: 2 });
    expect(await cli("price-rule:set", "--scope", "provider:nope", "--percent", "1")).toMatchObject({ code: 1, text: 'No provider "nope".' });
    expect(await cli("price-rule:set", "--scope", "global", "--round", "0")).toMatchObject({ code: 1, text: expect.stringContaining("--round") });
    const service = await db.service.findFirstOrThrow({ where: { providerId: b.providerId } });
    expect(await cli("price-rule:set", "--scope", `service:${service.id}`, "--fixed", "0.5")).toMatchObject({ code: 0 });

    const list = await cli("price-rule:list");
    expect(list.code).toBe(0);
    expect(list.text).toContain(`provider ${provider.name}`);
    expect(list.text).toContain(`service #${service.id}`);

    const customerId = await createCustomer(db);
    const { email } = await db.user.findUniqueOrThrow({ where: { id: customerId } });
    expect(await cli("discount:set", "--email", email, "--percent", "7.5")).toMatchObject({ code: 0, text: `${email} now gets 7.5% off every list price.` });
    expect((await db.customerDiscount.findUniqueOrThrow({ where: { userId: customerId } })).percent.toFixed()).toBe("7.5");
    expect(await cli("discount:set", "--email", email, "--percent", "150")).toMatchObject({ code: 1 });
    expect(await cli("discount:set", "--email", email, "--percent", "0")).toMatchObject({ code: 0, text: `${email} has no discount now.` });
    expect(await db.customerDiscount.count({ where: { userId: customerId } })).toBe(0);
    expect(await cli("discount:set", "--email", "nobody@x.test", "--percent", "5")).toMatchObject({ code: 1 });
  });
});
