// The storefront's data functions on the real PostgreSQL: bounded search, average times from our
// own completed orders, the catalog page, and what the orders list says a customer paid.
import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/connection";
import { createChargedOrder, createCustomer, settleTestOrder, withTestProvider, type TestProvider } from "@/lib/testing/fixtures";
import { Decimal } from "@/lib/money";
import { settleOrderStatus } from "@/lib/orders";
import { AVERAGE_TIME_MIN_ORDERS, averageCompletionTimes, describeAverageTime } from "./average-time";
import { listCatalogPage } from "./catalog-page";
import { getStorefrontOrder } from "./order-view";
import { getServiceDetails, listServiceCategories, searchServices, SEARCH_LIMIT } from "./service-search";

let db: Db;
let provider: TestProvider;
withTestProvider((ready) => ({ db, provider } = ready), { services: 120 });

describe("service search", () => {
  it("answers at most 50 orderable services, a typed id first, and nothing to a suspended customer", async () => {
    const customerId = await createCustomer(db);
    const all = await searchServices(db, customerId, {});
    expect(all.length).toBe(SEARCH_LIMIT);
    const target = await db.service.findFirstOrThrow({ where: { providerId: provider.providerId }, orderBy: { id: "desc" } });
    const byId = await searchServices(db, customerId, { query: String(target.id) });
    expect(byId[0]).toMatchObject({ id: target.id, name: target.name });
    expect(Object.keys(byId[0]).sort()).toEqual(["category", "id", "name", "sellRate"]);
    const word = target.name.split(" ")[0];
    const byName = await searchServices(db, customerId, { query: word.toLowerCase(), category: target.category });
    expect(byName.length).toBeGreaterThan(0);
    expect(byName.every((s) => s.category === target.category && s.name.toLowerCase().includes(word.toLowerCase()))).toBe(true);

    await db.service.update({ where: { id: target.id }, data: { enabled: false } });
    expect((await searchServices(db, customerId, { query: String(target.id) })).some((s) => s.id === target.id)).toBe(false);
    expect(await getServiceDetails(db, customerId, target.id)).toBeNull();
    await db.service.update({ where: { id: target.id }, data: { enabled: true } });

    await db.user.update({ where: { id: customerId }, data: { status: "suspended" } });
    expect(await searchServices(db, customerId, {})).toEqual([]);
    expect(await listServiceCategories(db, customerId)).toEqual([]);
    expect(await getServiceDetails(db, customerId, target.id)).toBeNull();
  });

  it("pages the catalog in the database and sorts by price", async () => {
    const customerId = await createCustomer(db);
    const first = await listCatalogPage(db, customerId, { sort: "price_asc" });
    expect(first.services.length).toBe(50);
    expect(first.total).toBeGreaterThanOrEqual(120);
    for (let i = 1; i < first.services.length; i++) expect(new Decimal(first.services[i - 1].sellRate).lte(first.services[i].sellRate)).toBe(true);
    const beyond = await listCatalogPage(db, customerId, { page: "9999", sort: "nonsense" });
    expect(beyond.page).toBe(Math.ceil(beyond.total / 50));
    expect(beyond.query.sort).toBe("category");
    expect(beyond.services.length).toBeGreaterThan(0);

    // Within a category the staff's sort order comes first ("lower first"), then the id.
    const category = first.services[0].category;
    const inCategory = await db.service.findMany({ where: { providerId: provider.providerId, category }, orderBy: { id: "asc" }, select: { id: true } });
    const last = inCategory[inCategory.length - 1].id;
    await db.service.update({ where: { id: last }, data: { sortOrder: -1 } });
    const byCategory = await listCatalogPage(db, customerId, { category });
    expect(byCategory.services[0].id).toBe(last);
    expect((await searchServices(db, customerId, { category }))[0].id).toBe(last);
    await db.service.update({ where: { id: last }, data: { sortOrder: 0 } });

    await db.user.update({ where: { id: customerId }, data: { status: "suspended" } });
    expect(await listCatalogPage(db, customerId, {})).toMatchObject({ services: [], total: 0 });
  });
});

describe("average time", () => {
  it("is the mean of submission → Completed per 1000 units, and 'not enough data' below the threshold", async () => {
    const service = await db.service.findFirstOrThrow({ where: { providerId: provider.providerId }, orderBy: { id: "asc" } });
    const customerId = await createCustomer(db, "1000");
    const submittedAt = new Date("2026-11-01T00:00:00Z");
    const addCompleted = async (minutes: number, quantity: number) => {
      const id = await createChargedOrder(db, customerId, { charge: "1", quantity, providerId: provider.providerId });
      // Completed as the worker completes it (the database refuses a change of state that names no actor), then dated.
      await settleTestOrder(db, id, "completed");
      await db.order.update({
        where: { id },
        data: { serviceId: service.id, submittedAt, finishedAt: new Date(submittedAt.getTime() + minutes * 60_000) },
      });
    };
    for (let i = 0; i < AVERAGE_TIME_MIN_ORDERS - 1; i++) await addCompleted(60, 1000);
    expect((await averageCompletionTimes(db, [service.id])).get(service.id)).toMatchObject({ enough: false, orders: AVERAGE_TIME_MIN_ORDERS - 1 });
    // 2000 units in 4 h is 2 h per 1000: the mean of (1 h × 4, 2 h) per 1000 is 72 minutes.
    await addCompleted(240, 2000);
    const time = (await averageCompletionTimes(db, [service.id])).get(service.id);
    expect(time).toEqual({ enough: true, secondsPer1000: 72 * 60, orders: AVERAGE_TIME_MIN_ORDERS });
    expect(describeAverageTime(time)).toBe("1 h 12 min per 1000");
  });
});

describe("orders as the customer sees them", () => {
  it("shows charge, refund and net; remains never negative; another customer's order is missing", async () => {
    const customerId = await createCustomer(db, "100");
    const orderId = await createChargedOrder(db, customerId, { charge: "10", quantity: 1000, providerId: provider.providerId });
    await settleOrderStatus(db, orderId, { status: "Canceled", statusClass: "canceled", charge: null, remains: 1000 }, { nextSyncAt: new Date(Date.now() + 60_000) });
    const order = await getStorefrontOrder(db, customerId, orderId);
    expect(order).toMatchObject({ state: "canceled", charge: "10.000000", refunded: "10.000000", net: "0.000000" });

    const over = await createChargedOrder(db, customerId, { charge: "5", quantity: 100, providerId: provider.providerId });
    await db.order.update({ where: { id: over }, data: { remains: -20 } });
    expect(await getStorefrontOrder(db, customerId, over)).toMatchObject({ remainsShown: 0, overDelivered: 20 });

    const other = await createCustomer(db);
    expect(await getStorefrontOrder(db, other, orderId)).toBeNull();
  });

  it("offers only the actions the order's state allows: a canceled or failed order shows no Refill and no Cancel", async () => {
    const customerId = await createCustomer(db, "100");
    const service = await db.service.findFirstOrThrow({ where: { providerId: provider.providerId } });
    await db.service.update({ where: { id: service.id }, data: { refill: true, cancel: true } });
    const place = async () => {
      const id = await createChargedOrder(db, customerId, { charge: "1", quantity: 100, providerId: provider.providerId });
      await db.order.update({ where: { id }, data: { serviceId: service.id } });
      return id;
    };
    const waiting = await place();
    expect(await getStorefrontOrder(db, customerId, waiting)).toMatchObject({
      refill: { allowed: false, reason: "A refill can be requested once the order is completed." },
      cancel: { allowed: true },
    });
    const canceled = await place();
    await settleOrderStatus(db, canceled, { status: "Canceled", statusClass: "canceled", charge: null, remains: 100 }, { nextSyncAt: new Date(Date.now() + 60_000) });
    expect(await getStorefrontOrder(db, customerId, canceled)).toMatchObject({ state: "canceled", refill: null, cancel: null });
    const completed = await place();
    await settleOrderStatus(db, completed, { status: "Completed", statusClass: "completed", charge: null, remains: 0 }, { nextSyncAt: new Date(Date.now() + 60_000) });
    expect(await getStorefrontOrder(db, customerId, completed)).toMatchObject({ state: "completed", refill: { allowed: true }, cancel: null });
  });
});
