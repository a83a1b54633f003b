// The admin's money kinds against the real database: deductions never take a balance below zero
// (even concurrently), manual refunds never exceed the charge and happen once per order, and the
// database itself refuses what the functions would refuse.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb, type Db } from "@/lib/db/connection";
import { Decimal } from "@/lib/money";
import { createChargedOrder, createCustomer, settleTestOrder } from "@/lib/testing/fixtures";
import { applyBalanceChange } from "./balance-change";
import { debitFunds, ZDebitFundsInput } from "./debit-funds";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { refundOrderManually } from "./refund-manual";
import { moneyTransaction } from "./transaction";
import { verifyLedger } from "./verify-ledger";
import { manualRefundProblems } from "./verify-manual-refunds";

let db: Db;
beforeAll(async () => {
  db = await getDb();
});
afterAll(closeDb);

const balanceOf = async (id: number) => (await db.user.findUniqueOrThrow({ where: { id } })).balance.toFixed(6);
const auditOf = (entityType: string, entityId: number) => db.auditLog.findMany({ where: { entityType, entityId: String(entityId) }, orderBy: { id: "asc" } });

describe("debitFunds", () => {
  it("deducts exactly with a reason, audited with before and after", async () => {
    const customerId = await createCustomer(db, "10");
    const result = await debitFunds(db, { customerId, amount: "2.500001", reason: "mistaken top-up" }, null);
    expect(result).toEqual({ ok: true, balance: "7.499999", entryAmount: "2.500001" });
    const entry = await db.ledgerEntry.findFirstOrThrow({ where: { userId: customerId, kind: "debit" } });
    expect([entry.amount.toFixed(6), entry.balanceAfter.toFixed(6), entry.reason]).toEqual(["-2.500001", "7.499999", "mistaken top-up"]);
    const [audit] = (await auditOf("User", customerId)).filter((a) => a.action === "funds.debit");
    expect(audit).toMatchObject({ reason: "mistaken top-up", before: { balance: "10.000000" }, after: { balance: "7.499999", amount: "-2.500001" } });
    expect((await verifyLedger(db, { customerIds: [customerId] })).ok).toBe(true);
  });

  it("never below zero: refuses more than the balance, beside the field, and writes nothing", async () => {
    const customerId = await createCustomer(db, "3");
    const result = await debitFunds(db, { customerId, amount: "3.000001", reason: "x" }, null);
    expect(result).toMatchObject({ ok: false, code: "balance_too_low", fields: { amount: { message: expect.stringContaining("3.000000") } } });
    for (const [input, field] of [[{ amount: "0", reason: "x" }, "amount"], [{ amount: "-1", reason: "x" }, "amount"], [{ amount: "1", reason: " " }, "reason"]] as const) {
      const result = ZDebitFundsInput.safeParse({ customerId, ...input });
      expect(result.success ? {} : fieldErrorsOf(result.error)).toMatchObject({ [field]: expect.any(String) });
    }
    expect(await debitFunds(db, { customerId: 2_000_000_000, amount: "1", reason: "x" }, null)).toMatchObject({ ok: false, message: "No such customer." });
    expect(await balanceOf(customerId)).toBe("3.000000");
    expect(await db.ledgerEntry.count({ where: { userId: customerId, kind: "debit" } })).toBe(0);
  });

  it("concurrent deductions take only what the balance holds", async () => {
    const customerId = await createCustomer(db, "1");
    const results = await Promise.all(Array.from({ length: 8 }, () => debitFunds(db, { customerId, amount: "0.3", reason: "race" }, null)));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(await balanceOf(customerId)).toBe("0.100000");
    expect((await verifyLedger(db, { customerIds: [customerId] })).ok).toBe(true);
  });

  it("the database refuses a debit that would go below zero or has the wrong sign", async () => {
    const customerId = await createCustomer(db, "1");
    await expect(db.$executeRaw`UPDATE "User" SET balance = balance - 2 WHERE id = ${customerId}`).rejects.toThrow();
    await expect(db.ledgerEntry.create({ data: { userId: customerId, kind: "debit", amount: "1", balanceAfter: "2" } })).rejects.toThrow();
  });
});

describe("refundOrderManually", () => {
  async function finishedOrder(state: "completed" | "partial" | "pending" | "canceled", charge = "4") {
    const customerId = await createCustomer(db, "10");
    const orderId = await createChargedOrder(db, customerId, { charge, quantity: 1000 });
    // As the worker settles them: partial with a quarter undelivered (refunded), canceled refunded in full.
    if (state !== "pending") await settleTestOrder(db, orderId, state, state === "partial" ? 250 : null);
    return { customerId, orderId };
  }

  it("refunds a completed order up to its charge, once, with an event and an audit row", async () => {
    const { customerId, orderId } = await finishedOrder("completed");
    expect(await refundOrderManually(db, { orderId, amount: "4.000001", reason: "complaint" }, null)).toMatchObject({ ok: false, code: "refund_exceeds_charge", fields: { amount: { message: expect.stringContaining("4.000000") } } });
    expect(await refundOrderManually(db, { orderId, amount: "1.5", reason: "complaint" }, null)).toEqual({ ok: true, refunded: "1.500000", balance: "7.500000" });
    expect(await refundOrderManually(db, { orderId, amount: "1", reason: "again" }, null)).toMatchObject({ ok: false, message: expect.stringContaining("already has a manual refund") });
    expect(await balanceOf(customerId)).toBe("7.500000");
    expect((await db.orderEvent.findMany({ where: { orderId, type: "refund" } })).map((e) => e.message)).toEqual(["manual refund of 1.500000: complaint"]);
    const [audit] = await auditOf("Order", orderId);
    expect(audit).toMatchObject({ action: "order.refund_manual", reason: "complaint", before: { refunded: "0.000000", left: "4.000000" }, after: { left: "2.500000" } });
    expect((await verifyLedger(db, { customerIds: [customerId] })).ok).toBe(true);
  });

  it("a partial order gets at most what its automatic refund left", async () => {
    const { customerId, orderId } = await finishedOrder("partial");
    expect(await refundOrderManually(db, { orderId, amount: "3.000001", reason: "x" }, null)).toMatchObject({ ok: false, message: expect.stringContaining("At most 3.000000") });
    expect(await refundOrderManually(db, { orderId, amount: "3", reason: "undelivered rest" }, null)).toMatchObject({ ok: true, refunded: "3.000000" });
    expect(await balanceOf(customerId)).toBe("10.000000");
    expect((await verifyLedger(db, { customerIds: [customerId] })).ok).toBe(true);
  });

  it("refuses orders in flight, already fully refunded, or missing", async () => {
    const inFlight = await finishedOrder("pending");
    expect(await refundOrderManually(db, { orderId: inFlight.orderId, amount: "1", reason: "x" }, null)).toMatchObject({ ok: false, message: expect.stringContaining("not finished") });
    const canceled = await finishedOrder("canceled");
    expect(await refundOrderManually(db, { orderId: canceled.orderId, amount: "1", reason: "x" }, null)).toMatchObject({ ok: false, message: expect.stringContaining("refunded in full") });
    expect(await refundOrderManually(db, { orderId: 2_000_000_000, amount: "1", reason: "x" }, null)).toMatchObject({ ok: false, message: "No order 2000000000." });
    expect(await db.ledgerEntry.count({ where: { orderId: { in: [inFlight.orderId, canceled.orderId] }, kind: "refund_manual" } })).toBe(0);
  });

  it("concurrent manual refunds of one order: exactly one lands", async () => {
    const { customerId, orderId } = await finishedOrder("completed");
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => refundOrderManually(db, { orderId, amount: "4", reason: "race" }, null)));
    expect(results.filter((r) => r.status === "fulfilled" && r.value.ok)).toHaveLength(1);
    expect(await balanceOf(customerId)).toBe("10.000000");
    expect((await verifyLedger(db, { customerIds: [customerId] })).ok).toBe(true);
  });

  it("the database refuses, on its own, a refund beyond the charge and a manual refund of an open order", async () => {
    const completed = await finishedOrder("completed");
    const write = (orderId: number, customerId: number, kind: "refund_manual" | "refund_canceled", amount: string) =>
      moneyTransaction(db, (tx) => applyBalanceChange(tx, { customerId, kind, amount: new Decimal(amount), orderId }));
    await expect(write(completed.orderId, completed.customerId, "refund_manual", "4.000001")).rejects.toThrow(/refund refused/);
    await write(completed.orderId, completed.customerId, "refund_manual", "4");
    // An automatic refund after a full manual one would pay twice.
    await expect(write(completed.orderId, completed.customerId, "refund_canceled", "0.000001")).rejects.toThrow(/refund refused/);
    const open = await finishedOrder("pending");
    await expect(write(open.orderId, open.customerId, "refund_manual", "1")).rejects.toThrow(/refund_manual refused/);
    expect(await balanceOf(open.customerId)).toBe("6.000000");
  });

  it("a refunded order cannot be reopened; verifyLedger's check reports a manual refund in the wrong state or over the charge", async () => {
    const { orderId } = await finishedOrder("completed");
    expect(await refundOrderManually(db, { orderId, amount: "1", reason: "x" }, null)).toMatchObject({ ok: true });
    // The state machine's trigger keeps final states final, so the check below guards data only.
    await expect(db.order.update({ where: { id: orderId }, data: { state: "in_progress" } })).rejects.toThrow();
    const dec = (v: { toFixed(): string }) => new Decimal(v.toFixed());
    const entries = (kind: string, amount: string) => [{ kind: "charge", amount: new Decimal("-4") }, { kind, amount: new Decimal(amount) }];
    expect(manualRefundProblems({ state: "completed", charge: new Decimal(4) }, entries("refund_manual", "4"), dec)).toEqual([]);
    expect(manualRefundProblems({ state: "in_progress", charge: new Decimal(4) }, entries("refund_manual", "1"), dec)).toEqual(["manual refund on a in_progress order"]);
    expect(manualRefundProblems({ state: "partial", charge: new Decimal(4) }, [...entries("refund_partial", "1"), { kind: "refund_manual", amount: new Decimal("3.5") }], dec)).toEqual([
      "refunded 4.500000 of a charge of 4.000000",
    ]);
  });
});
