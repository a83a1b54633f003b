// The customer's drip-feed, subscription, refill and link-search pages on the real database:
// keyset pages that neither skip nor repeat a row, only the customer's own rows, LIKE wildcards
// taken literally, and drip-feed runs filled in order.
import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/connection";
import { createChargedOrder, createCustomer, settleTestOrder, withDatabase } from "@/lib/testing/fixtures";
import { dripFeedProgress, linkPattern, listDripFeedOrders, listRefills, listSubscriptions, parseBefore, searchOrdersByLink } from "./order-lists";
import type { StorefrontOrder } from "./order-view";

let db: Db;
withDatabase((ready) => {
  db = ready;
});

async function order(customerId: number, { state, ...data }: { link?: string; params?: object; remains?: number; state?: "in_progress" }) {
  const id = await createChargedOrder(db, customerId, { charge: "1", quantity: 1000 });
  // The state moves as the worker moves it (the database refuses a change of state that names no actor).
  if (state) await settleTestOrder(db, id, state);
  await db.order.update({ where: { id }, data });
  return id;
}

const SUBSCRIPTION = { type: "Subscriptions", username: "acct", min: 10, max: 100, posts: 10, delay: 30, expiry: "01/01/2000" };

describe("order lists", () => {
  it("pages drip-feed orders and subscriptions by keyset, newest first, the customer's own only", async () => {
    const owner = await createCustomer(db, "100");
    const stranger = await createCustomer(db, "100");
    const drips: number[] = [];
    for (let i = 0; i < 5; i++) drips.push(await order(owner, { params: { type: "Default", quantity: 100, dripFeed: { runs: 10, interval: 5 } } }));
    await order(owner, { params: { type: "Default", quantity: 1000 } });
    const sub = await order(owner, { params: SUBSCRIPTION, remains: 400, state: "in_progress" });
    await order(stranger, { params: { type: "Default", quantity: 100, dripFeed: { runs: 10, interval: 5 } } });

    const first = await listDripFeedOrders(db, owner, null, new Date(), 2);
    expect(first.rows.map((o) => o.id)).toEqual([drips[4], drips[3]]);
    const second = await listDripFeedOrders(db, owner, first.nextBefore, new Date(), 2);
    expect(second.rows.map((o) => o.id)).toEqual([drips[2], drips[1]]);
    const last = await listDripFeedOrders(db, owner, second.nextBefore, new Date(), 2);
    expect(last).toMatchObject({ rows: [{ id: drips[0] }], nextBefore: null });

    const subs = await listSubscriptions(db, owner, null, new Date("2026-06-01T00:00:00Z"));
    expect(subs.rows).toEqual([expect.objectContaining({ id: sub, username: "acct", minPerPost: 10, maxPerPost: 100, posts: 10, delay: 30, expiry: "01/01/2000", expired: true, delivered: 600 })]);
    expect((await listSubscriptions(db, stranger, null)).rows).toEqual([]);
  });

  it("finds orders by a piece of their link in every state, wildcards taken literally", async () => {
    const owner = await createCustomer(db, "100");
    const stranger = await createCustomer(db, "100");
    const mark = `look-${Date.now().toString(36)}`;
    const a = await order(owner, { link: `https://x.com/${mark}/1` });
    const b = await order(owner, { link: `https://x.com/${mark.toUpperCase()}/2`, state: "in_progress" });
    await order(owner, { link: "https://x.com/100%_sure" });
    await order(stranger, { link: `https://x.com/${mark}/3` });
    expect((await searchOrdersByLink(db, owner, mark, null)).rows.map((o) => o.id)).toEqual([b, a]);
    expect((await searchOrdersByLink(db, owner, "%", null)).rows.map((o) => o.link)).toEqual(["https://x.com/100%_sure"]);
    expect(linkPattern("a_b%c\\")).toBe("%a\\_b\\%c\\\\%");
    expect(await searchOrdersByLink(db, owner, "   ", null)).toEqual({ rows: [], nextBefore: null });
  });

  it("lists every refill of the customer across orders, newest first", async () => {
    const owner = await createCustomer(db, "100");
    const stranger = await createCustomer(db, "100");
    const [o1, o2] = [await order(owner, {}), await order(owner, {})];
    const r1 = await db.refill.create({ data: { orderId: o1, userId: owner, state: "completed" } });
    const r2 = await db.refill.create({ data: { orderId: o2, userId: owner, state: "rejected" } });
    await db.refill.create({ data: { orderId: await order(stranger, {}), userId: stranger } });
    const page = await listRefills(db, owner, null, 1);
    expect(page.rows).toEqual([expect.objectContaining({ id: r2.id, orderId: o2, state: "rejected", stateLabel: "Rejected by the provider" })]);
    expect(await listRefills(db, owner, page.nextBefore, 1)).toMatchObject({ rows: [{ id: r1.id, stateLabel: "Completed" }], nextBefore: null });
  });

  it("fills drip-feed runs in order from what was delivered; reads cursors strictly", () => {
    const base = { quantity: 1000, state: "in_progress", remainsShown: 550, params: { dripFeed: { runs: 10, interval: 30 } } } as unknown as StorefrontOrder;
    const drip = dripFeedProgress(base)!;
    expect(drip).toMatchObject({ runs: 10, perRun: 100, delivered: 450, runsDone: 4 });
    expect(drip.runProgress.slice(3, 6).map((r) => r.done)).toEqual([1, 0.5, 0]);
    expect(dripFeedProgress({ ...base, state: "completed", remainsShown: 0 } as StorefrontOrder)!.runsDone).toBe(10);
    expect(dripFeedProgress({ ...base, params: {} } as StorefrontOrder)).toBeNull();
    expect([parseBefore("12"), parseBefore("-1"), parseBefore("1e3"), parseBefore("99999999999"), parseBefore(undefined)]).toEqual([12, null, null, null, null]);
  });
});
