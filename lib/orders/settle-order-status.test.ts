import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb, type Db } from "@/lib/db/connection";
import { verifyLedger } from "@/lib/ledger/verify-ledger";
import { Decimal } from "@/lib/money";
import { createChargedOrder, createCustomer } from "@/lib/testing/fixtures";
import { settleOrderStatus, settleOrderStatuses, type ObservedStatus } from "./settle-order-status";

let db: Db;
beforeAll(async () => {
  db = await getDb();
});
afterAll(closeDb);

const status = (text: string, statusClass: ObservedStatus["statusClass"], remains: number | null = null): ObservedStatus => ({
  status: text,
  statusClass,
  remains,
  charge: new Decimal("1.5"),
  startCount: 10,
  currency: "USD",
});
const later = () => ({ nextSyncAt: new Date(Date.now() + 60_000) });
const refunds = (orderId: number) => db.ledgerEntry.findMany({ where: { orderId, kind: { in: ["refund_partial", "refund_canceled", "refund_failed"] } } });

describe("settleOrderStatus", () => {
  it("moves pending → in_progress → completed without money and records each step", async () => {
    const customerId = await createCustomer(db, "10");
    const orderId = await createChargedOrder(db, customerId, { charge: "2", quantity: 1000 });
    expect(await settleOrderStatus(db, orderId, status("Pending", "pending"), later())).toBe("unchanged");
    expect(await settleOrderStatus(db, orderId, status("In progress", "in_progress", 400), later())).toBe("progressed");
    expect(await settleOrderStatus(db, orderId, status("Completed", "completed", 0), later())).toBe("completed");
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order).toMatchObject({ state: "completed", remains: 0, startCount: 10n, upstreamStatus: "Completed", leaseUntil: null });
    expect(order.finishedAt).not.toBeNull();
    expect(await refunds(orderId)).toHaveLength(0);
    expect((await db.orderEvent.findMany({ where: { orderId, type: "status" } })).map((e) => e.message)).toEqual([
      "pending → in_progress (In progress)",
      "in_progress → completed (Completed)",
    ]);
    expect((await verifyLedger(db, { customerIds: [customerId] })).ok).toBe(true);
  });

  it("stores what the database could refuse: start counts past 2^31, absurd remains, NUL characters", async () => {
    const customerId = await createCustomer(db, "10");
    const orderId = await createChargedOrder(db, customerId, { charge: "2", quantity: 1000 });
    const odd = { ...status("In\u0000 progress", "in_progress", 5_000_000_000), startCount: 3_000_000_000 };
    expect(await settleOrderStatus(db, orderId, odd, later())).toBe("progressed");
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order).toMatchObject({ state: "in_progress", startCount: 3_000_000_000n, remains: 2_147_483_647, upstreamStatus: "In progress" });
  });

  it("Partial refunds floor(charge × remains / quantity) once, even with 10 settlers racing", async () => {
    const customerId = await createCustomer(db, "10");
    const orderId = await createChargedOrder(db, customerId, { charge: "1.000001", quantity: 3 });
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => settleOrderStatus(db, orderId, status("Partial", "partial", 1), later())));
    expect(outcomes.filter((o) => o === "partial")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "unchanged")).toHaveLength(9);
    const entries = await refunds(orderId);
    expect(entries.map((e) => [e.kind, e.amount.toFixed(6)])).toEqual([["refund_partial", "0.333333"]]);
    expect((await db.user.findUniqueOrThrow({ where: { id: customerId } })).balance.toFixed(6)).toBe("9.333332");
    expect((await verifyLedger(db, { customerIds: [customerId] })).ok).toBe(true);
  });

  it("Canceled refunds the full charge once; a later contradiction is flagged and moves nothing", async () => {
    const customerId = await createCustomer(db, "10");
    const orderId = await createChargedOrder(db, customerId, { charge: "4.25", quantity: 100 });
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => settleOrderStatus(db, orderId, status("Cancelled", "canceled", 100), later())));
    expect(outcomes.filter((o) => o === "canceled")).toHaveLength(1);
    expect((await refunds(orderId)).map((e) => [e.kind, e.amount.toFixed(6)])).toEqual([["refund_canceled", "4.250000"]]);
    // Final states never reopen.
    expect(await settleOrderStatus(db, orderId, status("Partial", "partial", 50), later())).toBe("flagged");
    expect(await settleOrderStatus(db, orderId, status("In progress", "in_progress"), later())).toBe("flagged");
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order.state).toBe("canceled");
    expect(order.flag).toMatch(/settled as canceled/);
    expect(await refunds(orderId)).toHaveLength(1);
    expect((await db.user.findUniqueOrThrow({ where: { id: customerId } })).balance.toFixed(6)).toBe("10.000000");
    expect((await verifyLedger(db, { customerIds: [customerId] })).ok).toBe(true);
  });

  it("unknown statuses and a Partial without remains are flagged, never settled", async () => {
    const customerId = await createCustomer(db, "10");
    const orderId = await createChargedOrder(db, customerId, { charge: "1", quantity: 100 });
    expect(await settleOrderStatus(db, orderId, status("Success", "unknown"), later())).toBe("flagged");
    expect(await settleOrderStatus(db, orderId, status("Success", "unknown"), later())).toBe("flagged");
    let order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order).toMatchObject({ state: "pending", upstreamStatus: "Success", flag: expect.stringContaining("unknown upstream status") });
    // The same flag seen on every poll is recorded once.
    expect(await db.orderEvent.count({ where: { orderId, type: "flag" } })).toBe(1);
    expect(await settleOrderStatus(db, orderId, status("Partial", "partial", null), later())).toBe("flagged");
    order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order.state).toBe("pending");
    expect(await refunds(orderId)).toHaveLength(0);
    // Once the upstream reports properly, it settles.
    expect(await settleOrderStatus(db, orderId, status("Partial", "partial", 25), later())).toBe("partial");
    expect((await refunds(orderId)).map((e) => e.amount.toFixed(6))).toEqual(["0.250000"]);
    expect((await verifyLedger(db, { customerIds: [customerId] })).ok).toBe(true);
  });

  it("remains outside 0..quantity are clamped: negative refunds nothing, more than ordered refunds the charge", async () => {
    const customerId = await createCustomer(db, "10");
    const over = await createChargedOrder(db, customerId, { charge: "1", quantity: 100 });
    const under = await createChargedOrder(db, customerId, { charge: "2", quantity: 100 });
    await settleOrderStatus(db, over, status("Partial", "partial", -5), later());
    await settleOrderStatus(db, under, status("Partial", "partial", 250), later());
    expect((await refunds(over)).map((e) => e.amount.toFixed(6))).toEqual(["0.000000"]);
    expect((await refunds(under)).map((e) => e.amount.toFixed(6))).toEqual(["2.000000"]);
    expect((await verifyLedger(db, { customerIds: [customerId] })).ok).toBe(true);
  });

  it("a batch in one statement: each order's own columns, events and refund, exact, once, with racing batches", async () => {
    // The batch travels as JSON text: quotes, backslashes, non-ASCII and long decimals must arrive as sent.
    const customerId = await createCustomer(db, "50");
    const orders = await Promise.all(
      [
        { charge: "3.000003", quantity: 7 },
        { charge: "2", quantity: 100 },
        { charge: "1.5", quantity: 10 },
        { charge: "0.999999", quantity: 1 },
      ].map((o) => createChargedOrder(db, customerId, o)),
    );
    const [partial, canceled, progressing, weird] = orders;
    const items = [
      { orderId: partial, observed: { ...status('Partial "half" \\ done', "partial", 3), charge: new Decimal("0.123456789012") }, ...later() },
      { orderId: canceled, observed: status("Canceled — réfusé", "canceled", 100), ...later() },
      { orderId: progressing, observed: { ...status("In progress", "in_progress", 4), startCount: 3_000_000_000 }, ...later() },
      { orderId: weird, observed: { ...status("Ωmega", "unknown"), currency: "EUR" }, ...later() },
    ];
    const rounds = await Promise.all(Array.from({ length: 4 }, () => settleOrderStatuses(db, items)));
    // Whichever batch got each row first settled it; the others changed nothing of it.
    for (const [i, expected] of (["partial", "canceled", "progressed", "flagged"] as const).entries()) {
      expect(rounds.filter((r) => r[i] === expected).length).toBeGreaterThanOrEqual(1);
    }
    expect(rounds.filter((r) => r[0] === "partial")).toHaveLength(1);
    expect(rounds.filter((r) => r[1] === "canceled")).toHaveLength(1);
    expect((await refunds(partial)).map((e) => [e.kind, e.amount.toFixed(6)])).toEqual([["refund_partial", "1.285715"]]);
    expect((await refunds(canceled)).map((e) => [e.kind, e.amount.toFixed(6)])).toEqual([["refund_canceled", "2.000000"]]);
    expect(await refunds(progressing)).toHaveLength(0);
    expect(await refunds(weird)).toHaveLength(0);
    const rows = new Map((await db.order.findMany({ where: { id: { in: orders } } })).map((o) => [o.id, o]));
    expect(rows.get(partial)).toMatchObject({ state: "partial", remains: 3, upstreamStatus: 'Partial "half" \\ done' });
    expect(rows.get(partial)!.upstreamCharge?.toFixed()).toBe("0.123456789012");
    expect(rows.get(canceled)).toMatchObject({ state: "canceled", upstreamStatus: "Canceled — réfusé" });
    expect(rows.get(progressing)).toMatchObject({ state: "in_progress", startCount: 3_000_000_000n, remains: 4 });
    expect(rows.get(weird)).toMatchObject({ state: "pending", upstreamCurrency: "EUR", flag: 'unknown upstream status "Ωmega"; waiting, not settled' });
    const events = await db.orderEvent.findMany({ where: { orderId: { in: orders } }, orderBy: { id: "asc" } });
    expect(events.filter((e) => e.orderId === partial && e.type !== "submitted").map((e) => [e.type, e.message])).toEqual([
      ["status", 'pending → partial (Partial "half" \\ done)'],
      ["refund", "refund_partial 1.285715"],
    ]);
    // A flag is written to the history when it is new to the row as read (racing batches each read it unset);
    // once it is stored, the same answer again adds no event.
    const flags = async () => db.orderEvent.count({ where: { orderId: weird, type: "flag" } });
    const flagged = await flags();
    expect(flagged).toBeGreaterThanOrEqual(1);
    expect(await settleOrderStatuses(db, [items[3]!])).toEqual(["flagged"]);
    expect(await flags()).toBe(flagged);
    expect((await db.user.findUniqueOrThrow({ where: { id: customerId } })).balance.toFixed(6)).toBe("45.785713");
    expect((await verifyLedger(db, { customerIds: [customerId] })).ok).toBe(true);
  });
});
