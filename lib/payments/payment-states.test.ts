// The payment's transition table, the trigger that mirrors it, and movePayment, the one function
// that changes a payment's state with its money (checked by lib/ledger/one-writer.test.ts).
import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/connection";
import { PaymentState } from "@/lib/db/generated/enums";
import { moneyTransaction } from "@/lib/ledger/transaction";
import { Decimal } from "@/lib/money";
import { verifyLedger } from "@/lib/ledger/verify-ledger";
import { balanceOf, parsed, withDatabase } from "@/lib/testing/fixtures";
import { createPayment } from "./create-payment";
import { movePayment } from "./move-payment";
import { allowedPaymentStatePairs, PAYMENT_TRANSITIONS, paymentMoneyOnEntering } from "./payment-states";
import { ZCreatePaymentInput } from "./schemas";
import { createMethod, makeAdminAndCustomer } from "./testing/fixtures";

let db: Db;
withDatabase((ready) => void (db = ready));

async function waitingPayment(amount = "10") {
  const { admin, customer } = await makeAdminAndCustomer(db);
  const methodId = await createMethod(db, { id: admin.id, role: "admin" }, { gateway: "manual" });
  const created = await createPayment(db, customer, parsed(ZCreatePaymentInput, { methodId, amount, reference: "bank ref 1" }));
  if (!created.ok) throw new Error(created.message);
  return { paymentId: created.paymentId, customerId: customer.id, adminId: admin.id };
}

describe("the payment transition table", () => {
  it("covers every state, gives each state one money effect, and leaves no final state", () => {
    const reached = new Set(PAYMENT_TRANSITIONS.map((t) => t.to));
    expect([...reached].sort()).toEqual([...Object.values(PaymentState)].sort());
    expect(Object.fromEntries(Object.values(PaymentState).map((s) => [s, paymentMoneyOnEntering(s)]))).toEqual({
      waiting: "none", paid: "credit", failed: "none", expired: "none", canceled: "none", rejected: "none", flagged: "none", charged_back: "chargeback",
    });
    // Nothing leaves a refused payment; a reversed one only takes further reports (charged_back → charged_back).
    expect(PAYMENT_TRANSITIONS.filter((t) => t.from === "rejected")).toEqual([]);
    expect(PAYMENT_TRANSITIONS.filter((t) => t.from === "charged_back").map((t) => t.to)).toEqual(["charged_back"]);
  });

  it("is the table the database enforces", async () => {
    const rows = await db.paymentStateTransition.findMany();
    const key = ([from, to]: [string, string]) => `${from}>${to}`;
    expect(rows.map((r) => key([r.from, r.to])).sort()).toEqual(allowedPaymentStatePairs().map(key).sort());
  });

  it("the database refuses a move the table does not list, from any code or SQL", async () => {
    const { paymentId } = await waitingPayment();
    await expect(db.$executeRaw`UPDATE "Payment" SET state = 'charged_back' WHERE id = ${paymentId}`).rejects.toThrow(/may not move from waiting to charged_back/);
    await expect(db.payment.update({ where: { id: paymentId }, data: { state: "rejected" } })).resolves.toMatchObject({ state: "rejected" });
    await expect(db.payment.update({ where: { id: paymentId }, data: { state: "paid" } })).rejects.toThrow(/may not move from rejected to paid/);
  });
});

describe("movePayment", () => {
  it("refuses a move the table does not list for that actor, before writing anything", async () => {
    const { paymentId } = await waitingPayment();
    await expect(moneyTransaction(db, (tx) => movePayment(tx, { id: paymentId, from: "waiting", to: "rejected", by: "gateway" }))).rejects.toThrow(/waiting → rejected by gateway is not in the transition table/);
    await expect(moneyTransaction(db, (tx) => movePayment(tx, { id: paymentId, from: "waiting", to: "paid", by: "admin", data: { creditedAmount: "10" } }))).rejects.toThrow(/moves money: give its reason/);
    expect((await db.payment.findUniqueOrThrow({ where: { id: paymentId } })).state).toBe("waiting");
  });

  it("credits once with the move, the loser of a race moves nothing, and a chargeback takes it back", async () => {
    const { paymentId, customerId, adminId } = await waitingPayment("10");
    const approve = () =>
      moneyTransaction(db, (tx) =>
        movePayment(tx, { id: paymentId, from: "waiting", to: "paid", by: "admin", data: { creditedAmount: "10", creditedBonus: "1" }, money: { reason: "approved", actorId: adminId } }),
      );
    const results = await Promise.all([approve(), approve(), approve()]);
    expect(results.filter((r) => r.moved)).toHaveLength(1);
    expect(await balanceOf(db, customerId)).toBe("11.000000");
    const back = await moneyTransaction(db, async (tx) => {
      const reversal = await tx.paymentReversal.create({ data: { paymentId, eventKey: "dispute-1", kind: "dispute", reported: "10", amount: "11", totalAfter: "11" } });
      return movePayment(tx, { id: paymentId, from: "paid", to: "charged_back", by: "gateway", data: { chargebackAmount: "11" }, money: { reason: "dispute", reversal: { id: reversal.id, amount: new Decimal("11") } } });
    });
    expect(back).toMatchObject({ moved: true, money: "chargeback" });
    expect(await balanceOf(db, customerId)).toBe("0.000000");
    expect((await db.ledgerEntry.findMany({ where: { paymentId }, orderBy: { id: "asc" } })).map((e) => [e.kind, e.amount.toFixed(6)])).toEqual([
      ["deposit", "10.000000"],
      ["bonus", "1.000000"],
      ["chargeback", "-11.000000"],
    ]);
    expect((await verifyLedger(db, { customerIds: [customerId] })).ok).toBe(true);
  });
});
