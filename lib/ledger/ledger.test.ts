import { afterAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/lib/db/connection";
import { Decimal } from "@/lib/money";
import { createCustomer } from "@/lib/testing/fixtures";
import { applyBalanceChange } from "./balance-change";
import { creditFunds } from "./credit-funds";
import { ZCreditFundsInput } from "./schemas";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { debitForOrder, refundForOrder } from "./order-money";
import { moneyTransaction } from "./transaction";
import { verifyLedger } from "./verify-ledger";

afterAll(closeDb);

async function orderFor(customerId: number, charge: string, extra: Record<string, unknown> = {}) {
  const db = await getDb();
  const provider = await db.provider.create({ data: { name: `ledger-${customerId}-${Math.random()}`, apiUrl: "http://127.0.0.1:1/api/v2", apiKeyEncrypted: "x" } });
  return db.order.create({
    data: { userId: customerId, kind: "service", providerId: provider.id, quantity: 1000, charge, requestHash: "h", state: "pending", ...extra },
  });
}

describe("creditFunds", () => {
  it("credits exactly and writes the balance after", async () => {
    const db = await getDb();
    const customerId = await createCustomer(db);
    const first = await creditFunds(db, { customerId, amount: "10.123456", reason: "top-up" });
    const second = await creditFunds(db, { customerId, amount: "0.000001", reason: "top-up" });
    expect(first).toMatchObject({ ok: true, balance: "10.123456" });
    expect(second).toMatchObject({ ok: true, balance: "10.123457" });
    const entries = await db.ledgerEntry.findMany({ where: { userId: customerId }, orderBy: { id: "asc" } });
    expect(entries.map((e) => [e.kind, e.amount.toFixed(6), e.balanceAfter.toFixed(6)])).toEqual([
      ["credit", "10.123456", "10.123456"],
      ["credit", "0.000001", "10.123457"],
    ]);
    expect((await verifyLedger(db, { customerIds: [customerId] })).ok).toBe(true);
  });

  it("refuses bad amounts and unknown customers without writing anything", async () => {
    const db = await getDb();
    const customerId = await createCustomer(db);
    // Bad amounts never reach creditFunds: every boundary parses with ZCreditFundsInput first.
    for (const amount of ["0", "-5", "abc", "1.0000001", "", "1e12"]) {
      const result = ZCreditFundsInput.safeParse({ customerId, amount, reason: "x" });
      expect(result.success ? {} : fieldErrorsOf(result.error), amount).toMatchObject({ amount: expect.any(String) });
    }
    const noReason = ZCreditFundsInput.safeParse({ customerId, amount: "5", reason: "" });
    expect(noReason.success ? {} : fieldErrorsOf(noReason.error)).toMatchObject({ reason: expect.any(String) });
    expect(await creditFunds(db, { customerId: 999_999_999, amount: "5", reason: "x" })).toMatchObject({ ok: false, code: "not_found", message: "No such customer." });
    expect(await db.ledgerEntry.count({ where: { userId: customerId } })).toBe(0);
  });
});

describe("order money", () => {
  it("debits only what the balance covers, concurrently", async () => {
    const db = await getDb();
    const customerId = await createCustomer(db, "1");
    const orders = await Promise.all(Array.from({ length: 12 }, () => orderFor(customerId, "0.1")));
    const results = await Promise.all(
      orders.map((order) => moneyTransaction(db, (tx) => debitForOrder(tx, { customerId, orderId: order.id, charge: new Decimal("0.1") }))),
    );
    expect(results.filter(Boolean)).toHaveLength(10);
    const user = await db.user.findUniqueOrThrow({ where: { id: customerId } });
    expect(user.balance.toFixed(6)).toBe("0.000000");
  });

  it("the database refuses a second refund for one order", async () => {
    const db = await getDb();
    const customerId = await createCustomer(db, "5");
    const order = await orderFor(customerId, "1", { state: "canceled" });
    await moneyTransaction(db, (tx) => debitForOrder(tx, { customerId, orderId: order.id, charge: new Decimal(1) }));
    await moneyTransaction(db, (tx) => refundForOrder(tx, { customerId, orderId: order.id, kind: "refund_canceled", amount: new Decimal(1) }));
    await expect(
      moneyTransaction(db, (tx) => refundForOrder(tx, { customerId, orderId: order.id, kind: "refund_partial", amount: new Decimal("0.5") })),
    ).rejects.toThrow();
    expect((await db.user.findUniqueOrThrow({ where: { id: customerId } })).balance.toFixed(6)).toBe("5.000000");
    expect((await verifyLedger(db, { customerIds: [customerId] })).ok).toBe(true);
  });
});

describe("verifyLedger", () => {
  it("reports a balance that does not match its entries, a broken chain and wrong refunds", async () => {
    const db = await getDb();
    const customerId = await createCustomer(db, "10");
    // A balance changed behind the ledger's back.
    await db.$executeRaw`UPDATE "User" SET balance = balance + 1 WHERE id = ${customerId}`;
    let report = await verifyLedger(db, { customerIds: [customerId] });
    expect(report.ok).toBe(false);
    expect(report.mismatches.map((m) => m.check)).toEqual(["balance"]);
    expect(report.totals.conserved).toBe(false);

    const other = await createCustomer(db, "10");
    // An entry whose balanceAfter is wrong (written directly, not through applyBalanceChange).
    await db.$executeRaw`UPDATE "User" SET balance = balance + 2 WHERE id = ${other}`;
    await db.ledgerEntry.create({ data: { userId: other, kind: "credit", amount: "2", balanceAfter: "13" } });
    report = await verifyLedger(db, { customerIds: [other] });
    expect(report.mismatches.map((m) => m.check)).toEqual(["chain"]);

    // A failed order that was never refunded, and a completed one that was.
    const third = await createCustomer(db, "10");
    const failed = await orderFor(third, "2", { state: "failed" });
    const completed = await orderFor(third, "3", { state: "completed" });
    await moneyTransaction(db, async (tx) => {
      await debitForOrder(tx, { customerId: third, orderId: failed.id, charge: new Decimal(2) });
      await debitForOrder(tx, { customerId: third, orderId: completed.id, charge: new Decimal(3) });
      await refundForOrder(tx, { customerId: third, orderId: completed.id, kind: "refund_canceled", amount: new Decimal(3) });
    });
    report = await verifyLedger(db, { customerIds: [third] });
    expect(report.mismatches.map((m) => [m.check, m.orderId])).toEqual([
      ["refund", failed.id],
      ["refund", completed.id],
    ]);
    // Money is still conserved: the ledger is internally consistent, only the order states disagree.
    expect(report.totals.conserved).toBe(true);
    expect(report.totals.credits.toFixed(6)).toBe("10.000000");
    expect(report.totals.charges.toFixed(6)).toBe("5.000000");
    expect(report.totals.refunds.toFixed(6)).toBe("3.000000");
    expect(report.totals.balances.toFixed(6)).toBe("8.000000");
  });

  it("checks a partial order's refund against partialRefund(charge, remains, quantity)", async () => {
    const db = await getDb();
    const customerId = await createCustomer(db, "10");
    const order = await orderFor(customerId, "1", { state: "partial", remains: 333 });
    await moneyTransaction(db, async (tx) => {
      await debitForOrder(tx, { customerId, orderId: order.id, charge: new Decimal(1) });
      await applyBalanceChange(tx, { customerId, kind: "refund_partial", amount: new Decimal("0.333"), orderId: order.id });
    });
    expect((await verifyLedger(db, { customerIds: [customerId] })).ok).toBe(true);
    await db.order.update({ where: { id: order.id }, data: { remains: 334 } });
    expect((await verifyLedger(db, { customerIds: [customerId] })).mismatches).toHaveLength(1);
  });
});
