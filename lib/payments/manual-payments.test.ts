// Manual methods and admin decisions on real PostgreSQL: approve credits once (racing approvals
// included), reject credits nothing, staff cannot decide, flagged payments are resolved once; the
// database itself refuses a second deposit; ledger:verify catches payment money that is wrong.
import { afterAll, describe, expect, it } from "vitest";
import { makeUser } from "@/lib/testing/fixtures";
import { closeDb, getDb } from "@/lib/db/connection";
import { applyBalanceChange } from "@/lib/ledger/balance-change";
import { moneyTransaction } from "@/lib/ledger/transaction";
import { verifyLedger } from "@/lib/ledger/verify-ledger";
import { Decimal } from "@/lib/money";
import { createPayment } from "./create-payment";
import { getCustomerPayment, listCustomerPayments } from "./customer-queries";
import { ZCreatePaymentInput, ZReviewPaymentInput, ZSaveMethodInput } from "./schemas";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { parsed } from "@/lib/testing/fixtures";
import { openStoredSecrets } from "./method-secrets";
import { duplicateReferences } from "./duplicate-references";
import { reviewPayment } from "./review-payment";
import { saveMethod } from "./manage-methods";
import { balanceOf, createMethod, entriesOf, makeAdminAndCustomer } from "./testing/fixtures";

afterAll(closeDb);

/** What the admin action hands reviewPayment. */
const review = (raw: { paymentId: number; decision: string; reason: string; amount?: string; confirmDuplicate?: string }) => parsed(ZReviewPaymentInput, raw);

let references = Date.now();
async function manualPayment(amount: string, bonuses: [string, string][] = []) {
  const db = await getDb();
  const { admin, customer } = await makeAdminAndCustomer(db);
  const methodId = await createMethod(db, admin as { id: number; role: "admin" }, { gateway: "manual", minAmount: "5", maxAmount: "1000" }, bonuses);
  const created = await createPayment(db, customer, parsed(ZCreatePaymentInput, { methodId, amount, reference: `IBAN transfer 2026-12-01 #${++references}` }));
  if (!created.ok) throw new Error(created.message);
  return { db, admin, customer, methodId, paymentId: created.paymentId };
}

describe("manual payments", () => {
  it("need a reference, then wait for an admin; approval credits once with its bonus and is audited", async () => {
    const { db, admin, customer, methodId, paymentId } = await manualPayment("200", [["100", "5"]]);
    expect(await createPayment(db, customer, parsed(ZCreatePaymentInput, { methodId, amount: "200", reference: "" }))).toMatchObject({ ok: false, code: "required", fields: { reference: { message: expect.any(String) } } });
    expect(created(await db.payment.findUniqueOrThrow({ where: { id: paymentId } }))).toEqual({ state: "waiting", reference: expect.stringMatching(/^IBAN transfer 2026-12-01 #\d+$/) });
    // A decision without a reason never reaches reviewPayment: the boundary's schema refuses it.
    expect(fieldErrorsOf(ZReviewPaymentInput.safeParse({ paymentId, decision: "approve", reason: "" }).error!)).toMatchObject({ reason: "Say why." });
    expect(await reviewPayment(db, admin, review({ paymentId, decision: "approve", reason: "Seen on the bank statement" }))).toEqual({ ok: true, state: "paid" });
    expect(await reviewPayment(db, admin, review({ paymentId, decision: "approve", reason: "again" }))).toMatchObject({ ok: false });
    expect(await reviewPayment(db, admin, review({ paymentId, decision: "reject", reason: "too late" }))).toMatchObject({ ok: false });
    expect(await entriesOf(db, paymentId)).toEqual([["deposit", "200.000000"], ["bonus", "10.000000"]]);
    expect(await balanceOf(db, customer.id)).toBe("210.000000");
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: "payment", entityId: String(paymentId) } });
    expect(audit).toMatchObject({ actorId: admin.id, action: "payment.approve", reason: "Seen on the bank statement" });
    expect((await verifyLedger(db, { customerIds: [customer.id] })).ok).toBe(true);
  });

  it("approve racing approve credits once", async () => {
    const { db, customer, paymentId } = await manualPayment("50");
    const admins = await Promise.all(Array.from({ length: 6 }, () => makeUser(db, "admin")));
    const results = await Promise.all(admins.map((a) => reviewPayment(db, a, review({ paymentId, decision: "approve", reason: "race" })).catch((e: Error) => ({ ok: false, message: e.message }))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await entriesOf(db, paymentId)).toEqual([["deposit", "50.000000"]]);
    expect(await balanceOf(db, customer.id)).toBe("50.000000");
  });

  it("reject credits nothing; staff cannot approve or reject", async () => {
    const { db, customer, paymentId } = await manualPayment("30");
    const staff = await makeUser(db, "staff");
    expect(await reviewPayment(db, staff, review({ paymentId, decision: "approve", reason: "x" }))).toEqual({ ok: false, code: "not_allowed", message: "Only an admin can do this." });
    const admin = await makeUser(db, "admin");
    expect(await reviewPayment(db, admin, review({ paymentId, decision: "reject", reason: "No transfer arrived" }))).toEqual({ ok: true, state: "rejected" });
    expect(await reviewPayment(db, admin, review({ paymentId, decision: "approve", reason: "x" }))).toMatchObject({ ok: false });
    // The customer reads why, on the payment's page and in the list, as an approval's reason is on its ledger line.
    expect(await getCustomerPayment(db, customer.id, paymentId)).toMatchObject({ state: "rejected", rejectionReason: "No transfer arrived" });
    expect((await listCustomerPayments(db, customer.id, 1)).payments.find((p) => p.id === paymentId)).toMatchObject({ rejectionReason: "No transfer arrived" });
    expect(await getCustomerPayment(db, customer.id, paymentId)).not.toHaveProperty("reviewReason");
    expect(await balanceOf(db, customer.id)).toBe("0.000000");
    expect(await entriesOf(db, paymentId)).toEqual([]);
  });

  it("a flagged payment is credited with what the admin decides, without bonus, once", async () => {
    const { db, admin, customer, paymentId } = await manualPayment("100", [["50", "10"]]);
    await db.payment.update({ where: { id: paymentId }, data: { state: "flagged", flag: "underpaid: the gateway received 70 of 100" } });
    expect(await reviewPayment(db, admin, review({ paymentId, decision: "approve", reason: "Credit what arrived", amount: "70" }))).toEqual({ ok: true, state: "paid" });
    expect(await entriesOf(db, paymentId)).toEqual([["deposit", "70.000000"]]);
    expect((await verifyLedger(db, { customerIds: [customer.id] })).ok).toBe(true);
    // Approving resolved the flag: nothing is left to dismiss.
    expect(await reviewPayment(db, admin, review({ paymentId, decision: "dismiss", reason: "done" }))).toEqual({ ok: false, code: "nothing_to_review", message: "This payment has nothing to review." });
  });

  it("the database refuses a second deposit or bonus for one payment, and payment entries without a payment", async () => {
    const { db, admin, customer, paymentId } = await manualPayment("40");
    await reviewPayment(db, admin, review({ paymentId, decision: "approve", reason: "ok" }));
    await expect(moneyTransaction(db, (tx) => applyBalanceChange(tx, { customerId: customer.id, kind: "deposit", amount: new Decimal(40), paymentId }))).rejects.toThrow();
    await moneyTransaction(db, (tx) => applyBalanceChange(tx, { customerId: customer.id, kind: "bonus", amount: new Decimal(1), paymentId }));
    await expect(moneyTransaction(db, (tx) => applyBalanceChange(tx, { customerId: customer.id, kind: "bonus", amount: new Decimal(1), paymentId }))).rejects.toThrow();
    await expect(moneyTransaction(db, (tx) => applyBalanceChange(tx, { customerId: customer.id, kind: "deposit", amount: new Decimal(1) }))).rejects.toThrow();
    await expect(moneyTransaction(db, (tx) => applyBalanceChange(tx, { customerId: customer.id, kind: "credit", amount: new Decimal(1), paymentId }))).rejects.toThrow();
    // The stray bonus (no rule applied) is what ledger:verify reports.
    const report = await verifyLedger(db, { customerIds: [customer.id] });
    expect(report.mismatches.map((m) => [m.check, m.paymentId])).toEqual([["payment", paymentId]]);
    expect(report.mismatches[0].message).toContain("no bonus applies");
  });

  it("ledger:verify reports a credited payment without its deposit and a deposit on an unpaid one", async () => {
    const { db, customer, paymentId } = await manualPayment("10");
    await db.payment.update({ where: { id: paymentId }, data: { state: "paid", creditedAmount: "10", creditedBonus: "0" } });
    let report = await verifyLedger(db, { customerIds: [customer.id] });
    expect(report.mismatches.map((m) => m.message)).toEqual([`payment ${paymentId}: 0 deposit entries`]);
    const other = await manualPayment("10");
    await moneyTransaction(db, (tx) => applyBalanceChange(tx, { customerId: other.customer.id, kind: "deposit", amount: new Decimal(10), paymentId: other.paymentId }));
    report = await verifyLedger(db, { customerIds: [other.customer.id] });
    expect(report.mismatches.map((m) => m.message)).toEqual([`payment ${other.paymentId}: state waiting but has deposit 10.000000`]);
  });

  it("method keys are sealed at rest, kept when left blank, and audited without them", async () => {
    const db = await getDb();
    const admin = await makeUser(db, "admin");
    const staff = await makeUser(db, "staff");
    const base = { gateway: "stripe", name: `Card ${Date.now()}`, enabled: "on", currency: "EUR", exchangeRate: "1.1", minAmount: "5", maxAmount: "500", feePercent: "3" };
    expect(await saveMethod(db, staff, parsed(ZSaveMethodInput, { ...base, secretKey: "sk_live_x" }))).toEqual({ ok: false, error: "Only an admin can do this." });
    expect(fieldErrorsOf(ZSaveMethodInput.safeParse({ ...base, minAmount: "50", maxAmount: "5" }).error!)).toMatchObject({ maxAmount: expect.any(String) });
    const saved = await saveMethod(db, admin, parsed(ZSaveMethodInput, { ...base, secretKey: "sk_live_abcdefgh12345678", webhookSecret: "whsec_9876543210zyxw" }));
    if (!saved.ok) throw new Error(saved.error);
    const row = await db.paymentMethod.findUniqueOrThrow({ where: { id: saved.methodId } });
    expect(row.settingsEncrypted).not.toContain("sk_live");
    expect(row.settingsHint).toEqual({ secretKey: "…5678", webhookSecret: "…zyxw" });
    expect(await saveMethod(db, admin, parsed(ZSaveMethodInput, { ...base, methodId: String(saved.methodId), feePercent: "4" }))).toMatchObject({ ok: true });
    const after = await db.paymentMethod.findUniqueOrThrow({ where: { id: saved.methodId } });
    expect(openStoredSecrets(after.settingsEncrypted)).toEqual({ secretKey: "sk_live_abcdefgh12345678", webhookSecret: "whsec_9876543210zyxw" });
    const audits = await db.auditLog.findMany({ where: { entityType: "payment_method", entityId: String(saved.methodId) } });
    expect(audits.map((a) => a.action)).toEqual(["payment_method.create", "payment_method.update"]);
    expect(JSON.stringify(audits.map((a) => [a.before, a.after]))).not.toContain("sk_live_abcdefgh");
  });
});

describe("the same transfer reference twice", () => {
  it("is named in the review queue and approving either needs the admin to say they checked", async () => {
    const db = await getDb();
    const { admin, customer } = await makeAdminAndCustomer(db);
    const methodId = await createMethod(db, admin as { id: number; role: "admin" }, { gateway: "manual", minAmount: "5", maxAmount: "1000" });
    const reference = `IBAN-${Date.now()} 12-01 #4411`;
    const pay = async (ref: string) => {
      const created = await createPayment(db, customer, parsed(ZCreatePaymentInput, { methodId, amount: "40", reference: ref }));
      if (!created.ok) throw new Error(created.message);
      return created.paymentId;
    };
    const first = await pay(reference);
    // Another case, spaces and dashes moved: the same transfer.
    const second = await pay(`  ${reference.toLowerCase().replaceAll("-", " ").replaceAll(" ", "")} `);
    const unrelated = await pay(`${reference}9`);
    const twins = await duplicateReferences(db, [first, second, unrelated]);
    expect(twins.get(first)).toEqual([{ id: second, state: "waiting" }]);
    expect(twins.get(second)).toEqual([{ id: first, state: "waiting" }]);
    expect(twins.get(unrelated)).toBeUndefined();

    const approve = (paymentId: number, confirmDuplicate?: string) =>
      reviewPayment(db, admin, review({ paymentId, decision: "approve", reason: "seen on the statement", ...(confirmDuplicate ? { confirmDuplicate } : {}) }));
    const refused = await approve(first);
    expect(refused).toMatchObject({ ok: false, code: "duplicate_reference", fields: { confirmDuplicate: { message: expect.stringContaining(`is also on payment #${second} (waiting)`) } } });
    expect(await balanceOf(db, customer.id)).toBe("0.000000");
    expect(await approve(first, "on")).toEqual({ ok: true, state: "paid" });
    // The second now names a credited payment; it is refused until confirmed, and credited once confirmed.
    expect(await approve(second)).toMatchObject({ ok: false, code: "duplicate_reference", message: expect.stringContaining(`#${first} (credited)`) });
    expect(await approve(unrelated)).toEqual({ ok: true, state: "paid" });
    expect(await balanceOf(db, customer.id)).toBe("80.000000");
    // Rejecting never needs the confirmation.
    expect(await reviewPayment(db, admin, review({ paymentId: second, decision: "reject", reason: "same transfer as #" + first }))).toEqual({ ok: true, state: "rejected" });
    expect(await balanceOf(db, customer.id)).toBe("80.000000");
    expect((await verifyLedger(db, { customerIds: [customer.id] })).ok).toBe(true);
  });
});

function created(p: { state: string; reference: string | null }) {
  return { state: p.state, reference: p.reference };
}
