import { afterAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/lib/db/connection";
import { Decimal } from "@/lib/money";
import { balanceOf, createChargedOrder, writeBehindTheDatabasesBack, createCustomer, openTestOrder, settleTestOrder } from "@/lib/testing/fixtures";
import { applyBalanceChange } from "./balance-change";
import { creditFunds } from "./credit-funds";
import { ZCreditFundsInput } from "./schemas";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { moneyTransaction, type Tx } from "./transaction";
import { verifyLedger } from "./verify-ledger";

afterAll(closeDb);

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
    const results = await Promise.allSettled(Array.from({ length: 12 }, () => openTestOrder(db, customerId, { charge: "0.1", quantity: 1000 })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(10);
    expect(results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason))).toEqual(Array(2).fill("Error: openChargedOrder: not_enough_funds"));
    const user = await db.user.findUniqueOrThrow({ where: { id: customerId } });
    expect(user.balance.toFixed(6)).toBe("0.000000");
    expect((await verifyLedger(db, { customerIds: [customerId] })).ok).toBe(true);
  });

  it("the database refuses a second refund for one order", async () => {
    const db = await getDb();
    const customerId = await createCustomer(db, "5");
    const orderId = await createChargedOrder(db, customerId, { charge: "1", quantity: 1000 });
    await settleTestOrder(db, orderId, "canceled");
    await expect(
      moneyTransaction(db, (tx) => applyBalanceChange(tx, { customerId, orderId, kind: "refund_partial", amount: new Decimal("0.5") })),
    ).rejects.toThrow();
    expect((await db.user.findUniqueOrThrow({ where: { id: customerId } })).balance.toFixed(6)).toBe("5.000000");
    expect((await verifyLedger(db, { customerIds: [customerId] })).ok).toBe(true);
  });
});

describe("the database keeps the ledger a chain", () => {
  it("refuses an entry whose balance after is not the previous entry's plus its amount", async () => {
    const db = await getDb();
    const customerId = await createCustomer(db, "10");
    await expect(db.ledgerEntry.create({ data: { userId: customerId, kind: "credit", amount: "2", balanceAfter: "13" } })).rejects.toThrow(/balanceAfter/);
    // A first entry starts from zero.
    const fresh = await createCustomer(db);
    await expect(db.ledgerEntry.create({ data: { userId: fresh, kind: "credit", amount: "2", balanceAfter: "3" } })).rejects.toThrow(/balanceAfter/);
    expect(await db.ledgerEntry.count({ where: { userId: { in: [customerId, fresh] } } })).toBe(1);
  });

  it("refuses at commit a balance that moved without its entry, and a correct pair passes", async () => {
    const db = await getDb();
    const customerId = await createCustomer(db, "10");
    await expect(db.$executeRaw`UPDATE "User" SET balance = balance + 1 WHERE id = ${customerId}`).rejects.toThrow(/ledger/);
    await expect(db.user.update({ where: { id: customerId }, data: { balance: "0" } })).rejects.toThrow(/ledger/);
    // An entry alone (its balance left behind) is refused the same way.
    await expect(db.ledgerEntry.create({ data: { userId: customerId, kind: "credit", amount: "1", balanceAfter: "11" } })).rejects.toThrow(/ledger/);
    // The change and its entry in one transaction, as applyBalanceChange writes them, pass.
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`UPDATE "User" SET balance = balance + 1 WHERE id = ${customerId}`;
      await tx.ledgerEntry.create({ data: { userId: customerId, kind: "credit", amount: "1", balanceAfter: "11" } });
    });
    expect(await balanceOf(db, customerId)).toBe("11.000000");
    expect((await verifyLedger(db, { customerIds: [customerId] })).ok).toBe(true);
  });
});

const behindTheDatabasesBack = async (write: (tx: Tx) => Promise<unknown>) => writeBehindTheDatabasesBack(await getDb(), write);

describe("verifyLedger", () => {
  it("reports a balance that does not match its entries, a broken chain and wrong refunds", async () => {
    const db = await getDb();
    const customerId = await createCustomer(db, "10");
    // A balance changed behind the ledger's back.
    await behindTheDatabasesBack((tx) => tx.$executeRaw`UPDATE "User" SET balance = balance + 1 WHERE id = ${customerId}`);
    let report = await verifyLedger(db, { customerIds: [customerId] });
    expect(report.ok).toBe(false);
    expect(report.mismatches.map((m) => m.check)).toEqual(["balance"]);
    expect(report.totals.conserved).toBe(false);

    const other = await createCustomer(db, "10");
    // An entry whose balanceAfter is wrong.
    await behindTheDatabasesBack(async (tx) => {
      await tx.$executeRaw`UPDATE "User" SET balance = balance + 2 WHERE id = ${other}`;
      await tx.ledgerEntry.create({ data: { userId: other, kind: "credit", amount: "2", balanceAfter: "13" } });
    });
    report = await verifyLedger(db, { customerIds: [other] });
    expect(report.mismatches.map((m) => m.check)).toEqual(["chain"]);

    // A failed order that was never refunded, and a completed one that was.
    const third = await createCustomer(db, "10");
    const failed = await openTestOrder(db, third, { charge: "2", quantity: 1000 });
    const completed = await createChargedOrder(db, third, { charge: "3", quantity: 1000 });
    await settleTestOrder(db, completed, "completed");
    await behindTheDatabasesBack(async (tx) => {
      await tx.$executeRaw`UPDATE "Order" SET state = 'failed' WHERE id = ${failed}`;
      await tx.$executeRaw`UPDATE "User" SET balance = balance + 3 WHERE id = ${third}`;
      await tx.ledgerEntry.create({ data: { userId: third, orderId: completed, kind: "refund_canceled", amount: "3", balanceAfter: "8" } });
    });
    report = await verifyLedger(db, { customerIds: [third] });
    expect(report.mismatches.map((m) => [m.check, m.orderId]).sort((x, y) => Number(x[1]) - Number(y[1]))).toEqual([
      ["refund", failed],
      ["refund", completed],
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
    const orderId = await createChargedOrder(db, customerId, { charge: "1", quantity: 1000 });
    await settleTestOrder(db, orderId, "partial", 333);
    expect((await db.ledgerEntry.findFirstOrThrow({ where: { orderId, kind: "refund_partial" } })).amount.toFixed(6)).toBe("0.333000");
    expect((await verifyLedger(db, { customerIds: [customerId] })).ok).toBe(true);
    await db.order.update({ where: { id: orderId }, data: { remains: 334 } });
    expect((await verifyLedger(db, { customerIds: [customerId] })).mismatches).toHaveLength(1);
  });
});
