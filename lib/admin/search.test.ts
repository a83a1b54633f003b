// Server-side search of orders for staff, and what the orders table offers to refund.
import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/connection";
import { createChargedOrder, settleTestOrder, withActors, type Actors } from "@/lib/testing/fixtures";
import { listOrdersForStaff } from "./orders";
import { makeUser, parsed, uniqueLabel as unique } from "@/lib/testing/fixtures";
import { ZManualRefundInput } from "@/lib/ledger/refund-manual";
import { ZCreditFundsForm } from "@/lib/users/schemas";
import { manualRefundOptions, refundOrderForAdmin } from "./order-refund";
import { creditFundsForAdmin } from "@/lib/users/staff-funds";

let db: Db;
let actors: Actors;
withActors((ready) => ({ db, actors } = ready));

describe("order search", () => {
  it("by our id, upstream id, link and email; by service and UTC date range", async () => {
    const customer = await makeUser(db, "customer");
    await creditFundsForAdmin(db, actors.admin, parsed(ZCreditFundsForm, { customerId: customer.id, amount: "50", reason: "search" }));
    const upstreamId = unique("up");
    const providerId = (await db.provider.create({ data: { name: unique("search"), apiUrl: "http://127.0.0.1:9/api/v2", apiKeyEncrypted: "none" } })).id;
    const service = await db.service.create({
      data: { providerId, upstreamId: unique("s"), name: "Search views", type: "Default", category: "S", upstreamRate: "1", sellRate: "1", min: 1, max: 10 },
    });
    const orderId = await createChargedOrder(db, customer.id, { charge: "2", quantity: 100, providerId, upstreamOrderId: upstreamId });
    const link = `https://example.com/p/${unique("post")}`;
    await db.order.update({ where: { id: orderId }, data: { link, serviceId: service.id, createdAt: new Date("2021-06-15T23:30:00Z") } });
    const found = async (filters: Record<string, string>) => (await listOrdersForStaff(db, actors.staff, filters)).orders.map((o) => o.id);
    expect(await found({ q: `#${orderId}` })).toEqual([orderId]);
    expect(await found({ q: upstreamId })).toEqual([orderId]);
    expect(await found({ q: link.slice(20).toUpperCase() })).toEqual([orderId]);
    expect(await found({ q: customer.email })).toEqual([orderId]);
    expect(await found({ serviceId: String(service.id) })).toEqual([orderId]);
    expect(await found({ from: "2021-06-15", to: "2021-06-15", email: customer.email })).toEqual([orderId]);
    expect(await found({ from: "2021-06-16", email: customer.email })).toEqual([]);
    expect(await found({ to: "2021-06-14", email: customer.email })).toEqual([]);
    // A date that does not parse is ignored rather than failing the page.
    expect(await found({ from: "June", email: customer.email })).toEqual([orderId]);
    expect(await found({ q: upstreamId, state: "completed" })).toEqual([]);
  });

  it("offers a manual refund only on finished orders with money left, and only once", async () => {
    const customer = await makeUser(db, "customer");
    await creditFundsForAdmin(db, actors.admin, parsed(ZCreditFundsForm, { customerId: customer.id, amount: "50", reason: "refund options" }));
    const done = await createChargedOrder(db, customer.id, { charge: "3", quantity: 100 });
    const running = await createChargedOrder(db, customer.id, { charge: "1", quantity: 100 });
    await settleTestOrder(db, done, "completed");
    const rows = [{ id: done, state: "completed" }, { id: running, state: "pending" }];
    expect(Object.fromEntries(await manualRefundOptions(db, actors.admin, rows))).toEqual({ [done]: { left: "3.000000" }, [running]: null });
    expect(await refundOrderForAdmin(db, actors.staff, parsed(ZManualRefundInput, { orderId: done, amount: "1", reason: "x" }))).toEqual({ ok: false, code: "not_allowed", message: "Only an admin can do this." });
    expect(await refundOrderForAdmin(db, actors.admin, parsed(ZManualRefundInput, { orderId: done, amount: "1", reason: "x" }))).toMatchObject({ ok: true });
    expect((await manualRefundOptions(db, actors.admin, rows)).get(done)).toEqual({ refunded: "1.000000" });
  });
});
