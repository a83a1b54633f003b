// The affiliate program's money on real PostgreSQL: a referred customer's deposit earns its
// affiliate one commission — once, even when two credits of the deposit race —, a chargeback takes
// back the same share, an admin voids one with a reason (audited), a payout into the balance
// happens once (racing payouts included) through the one balance road, withdrawals stay within
// the balance and above the minimum, self-referrals are refused or held, and ledger:verify is green
// (and red when a commission is wrong).
import crypto from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, getDb, type Db } from "@/lib/db/connection";
import { moneyTransaction } from "@/lib/ledger/transaction";
import { verifyLedger } from "@/lib/ledger/verify-ledger";
import { Decimal } from "@/lib/money";
import { applyReversal } from "@/lib/payments/apply-reversal";
import { createPayment } from "@/lib/payments/create-payment";
import { reviewPayment } from "@/lib/payments/review-payment";
import { ZCreatePaymentInput, ZReviewPaymentInput } from "@/lib/payments/schemas";
import { createMethod } from "@/lib/payments/testing/fixtures";
import { balanceOf, makeUser, parsed, uniqueLabel } from "@/lib/testing/fixtures";
import { signUp } from "@/lib/users/sign-up";
import { accrueCommission, commissionBalance } from "./commissions";
import { recordReferral } from "./record-referral";
import { decideWithdrawal, payoutToBalance, requestWithdrawal } from "./payouts";
import { reviewReferral, voidCommission } from "./review";
import { mailboxKey } from "./self-referral";
import { ZAffiliatePercentInput, ZDecideWithdrawalInput, ZPayoutToBalanceInput, ZVoidCommissionInput, ZWithdrawalInput } from "./schemas";
import { setAffiliatePercent } from "./settings";

afterAll(closeDb);

const key = () => crypto.randomUUID();
let references = Date.now();

/** An affiliate at `percent` % and a customer referred by them (through recordReferral, as sign-up does). */
async function referredPair(db: Db, percent = "10") {
  const [admin, affiliate, customer] = await Promise.all([makeUser(db, "admin"), makeUser(db, "customer"), makeUser(db, "customer")]);
  expect(await setAffiliatePercent(db, admin, parsed(ZAffiliatePercentInput, { customerId: affiliate.id, percent }))).toEqual({ ok: true });
  const { referralCode } = await db.user.findUniqueOrThrow({ where: { id: affiliate.id }, select: { referralCode: true } });
  expect(await recordReferral(db, { referredId: customer.id, code: referralCode, email: customer.email, device: null, ip: null })).toBe("active");
  const methodId = await createMethod(db, admin as { id: number; role: "admin" }, { gateway: "manual", minAmount: "1", maxAmount: "10000" });
  return { admin, affiliate, customer, methodId, referralCode };
}

async function waitingDeposit(db: Db, customer: { id: number; role: "customer" | "staff" | "admin" }, methodId: number, amount: string) {
  const created = await createPayment(db, customer as never, parsed(ZCreatePaymentInput, { methodId, amount, reference: `transfer #${++references}` }));
  if (!created.ok) throw new Error(created.message);
  return created.paymentId;
}

const approve = (paymentId: number) => parsed(ZReviewPaymentInput, { paymentId, decision: "approve", reason: "Seen on the statement" });

async function commissionsOf(db: Db, affiliateId: number) {
  const rows = await db.affiliateCommission.findMany({ where: { affiliateId }, orderBy: { id: "asc" } });
  return rows.map((c) => ({ paymentId: c.paymentId, amount: c.amount.toFixed(6), takenBack: c.takenBack.toFixed(6), state: c.state }));
}

async function chargeBack(db: Db, paymentId: number, amount: string, eventKey = key()) {
  return moneyTransaction(db, (tx) =>
    applyReversal(tx, paymentId, { kind: "reversed", reversal: "refund", key: eventKey, amount: new Decimal(amount), of: null, reason: "Refund" }, async (outcome) => outcome, { reportedStatus: "refunded" }),
  );
}

const ledgerOk = async (db: Db, ids: number[]) => {
  const report = await verifyLedger(db, { customerIds: ids });
  expect(report.mismatches).toEqual([]);
  expect(report.ok).toBe(true);
};

describe("affiliate commission", () => {
  it("is credited with the deposit, once, even when two approvals of the deposit race", async () => {
    const db = await getDb();
    const { admin, affiliate, customer, methodId } = await referredPair(db, "10");
    const paymentId = await waitingDeposit(db, customer, methodId, "123.45");
    const admins = [admin, ...(await Promise.all([makeUser(db, "admin"), makeUser(db, "admin"), makeUser(db, "admin")]))];
    const results = await Promise.all(admins.map((a) => reviewPayment(db, a, approve(paymentId)).catch((e: Error) => ({ ok: false, message: e.message }))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    // floor6(123.45 × 10 %) to the commission balance; nothing to the main balance yet.
    expect(await commissionsOf(db, affiliate.id)).toEqual([{ paymentId, amount: "12.345000", takenBack: "0.000000", state: "earned" }]);
    expect(await balanceOf(db, affiliate.id)).toBe("0.000000");
    expect((await moneyTransaction(db, (tx) => commissionBalance(tx, affiliate.id))).toFixed(6)).toBe("12.345000");
    // Two transactions accruing the same deposit's commission at once (as two credits would): one row.
    await Promise.all([1, 2].map(() => moneyTransaction(db, (tx) => accrueCommission(tx, { paymentId, customerId: customer.id, deposit: new Decimal("123.45") }))));
    expect(await db.affiliateCommission.count({ where: { paymentId } })).toBe(1);
    // The database itself allows one commission per payment.
    await expect(db.affiliateCommission.create({ data: { affiliateId: affiliate.id, referredId: customer.id, paymentId, deposit: "1", percent: "1", amount: "0.01" } })).rejects.toThrow(/Unique constraint/);
    await ledgerOk(db, [affiliate.id, customer.id]);
  });

  it("rounds down and follows a change of the affiliate's percent for later deposits only", async () => {
    const db = await getDb();
    const { admin, affiliate, customer, methodId } = await referredPair(db, "3.3333");
    const first = await waitingDeposit(db, customer, methodId, "10.01");
    expect(await reviewPayment(db, admin, approve(first))).toMatchObject({ ok: true });
    expect(await setAffiliatePercent(db, admin, parsed(ZAffiliatePercentInput, { customerId: affiliate.id, percent: "50" }))).toEqual({ ok: true });
    const second = await waitingDeposit(db, customer, methodId, "2");
    expect(await reviewPayment(db, admin, approve(second))).toMatchObject({ ok: true });
    // 10.01 × 3.3333 % = 0.33366333 → 0.333663 (down); then 50 % of 2.
    expect((await commissionsOf(db, affiliate.id)).map((c) => c.amount)).toEqual(["0.333663", "1.000000"]);
    await ledgerOk(db, [affiliate.id, customer.id]);
  });

  it("loses the same share as its deposit on a chargeback, never more than itself; what was paid out is owed", async () => {
    const db = await getDb();
    const { admin, affiliate, customer, methodId } = await referredPair(db, "10");
    const paymentId = await waitingDeposit(db, customer, methodId, "200");
    expect(await reviewPayment(db, admin, approve(paymentId))).toMatchObject({ ok: true });
    // A refund of 50 of 200: a quarter of the 20 commission.
    expect(await chargeBack(db, paymentId, "50")).toBe("charged_back");
    expect(await commissionsOf(db, affiliate.id)).toEqual([{ paymentId, amount: "20.000000", takenBack: "5.000000", state: "earned" }]);
    await ledgerOk(db, [affiliate.id, customer.id]);
    // The affiliate moves the remaining 15 into the balance; then the rest of the deposit is refunded.
    expect(await payoutToBalance(db, affiliate.id, parsed(ZPayoutToBalanceInput, { idempotencyKey: key() }))).toMatchObject({ ok: true, amount: "15.000000" });
    expect(await chargeBack(db, paymentId, "200")).toBe("charged_back");
    expect(await commissionsOf(db, affiliate.id)).toEqual([{ paymentId, amount: "20.000000", takenBack: "20.000000", state: "earned" }]);
    // The main balance is never debited for it: the commission balance owes 15, later commissions first make it up.
    expect(await balanceOf(db, affiliate.id)).toBe("15.000000");
    expect((await moneyTransaction(db, (tx) => commissionBalance(tx, affiliate.id))).toFixed(6)).toBe("-15.000000");
    expect(await payoutToBalance(db, affiliate.id, parsed(ZPayoutToBalanceInput, { idempotencyKey: key() }))).toMatchObject({ ok: false, code: "balance_too_low" });
    await ledgerOk(db, [affiliate.id, customer.id]);
  });

  it("is voided by an admin with a reason, audited; staff cannot void", async () => {
    const db = await getDb();
    const { admin, affiliate, customer, methodId } = await referredPair(db, "10");
    const paymentId = await waitingDeposit(db, customer, methodId, "40");
    expect(await reviewPayment(db, admin, approve(paymentId))).toMatchObject({ ok: true });
    const { id: commissionId } = await db.affiliateCommission.findUniqueOrThrow({ where: { paymentId } });
    const staff = await makeUser(db, "staff");
    const input = parsed(ZVoidCommissionInput, { commissionId, reason: "Referred account is the affiliate's own" });
    expect(await voidCommission(db, staff, input)).toMatchObject({ ok: false, code: "not_allowed" });
    expect(await voidCommission(db, admin, input)).toEqual({ ok: true });
    expect(await voidCommission(db, admin, input)).toMatchObject({ ok: false, code: "already_decided" });
    expect(await commissionsOf(db, affiliate.id)).toEqual([{ paymentId, amount: "4.000000", takenBack: "0.000000", state: "voided" }]);
    expect((await moneyTransaction(db, (tx) => commissionBalance(tx, affiliate.id))).toFixed(6)).toBe("0.000000");
    expect(await db.auditLog.findFirstOrThrow({ where: { entityType: "AffiliateCommission", entityId: String(commissionId) } })).toMatchObject({
      actorId: admin.id, action: "affiliate_commission.void", reason: "Referred account is the affiliate's own",
    });
    await ledgerOk(db, [affiliate.id, customer.id]);
  });
});

describe("affiliate payouts", () => {
  it("into the balance: once per submission, and racing payouts move the commission once", async () => {
    const db = await getDb();
    const { admin, affiliate, customer, methodId } = await referredPair(db, "10");
    const paymentId = await waitingDeposit(db, customer, methodId, "100");
    expect(await reviewPayment(db, admin, approve(paymentId))).toMatchObject({ ok: true });
    const same = parsed(ZPayoutToBalanceInput, { idempotencyKey: key() });
    const results = await Promise.all([
      payoutToBalance(db, affiliate.id, same),
      payoutToBalance(db, affiliate.id, same),
      ...Array.from({ length: 4 }, () => payoutToBalance(db, affiliate.id, parsed(ZPayoutToBalanceInput, { idempotencyKey: key() }))),
    ]);
    const paid = results.filter((r) => r.ok && !r.repeated);
    expect(paid).toEqual([expect.objectContaining({ amount: "10.000000" })]);
    expect(await balanceOf(db, affiliate.id)).toBe("10.000000");
    const entries = await db.ledgerEntry.findMany({ where: { userId: affiliate.id }, select: { kind: true, amount: true, affiliatePayoutId: true } });
    expect(entries.map((e) => [e.kind, e.amount.toFixed(6)])).toEqual([["affiliate_commission", "10.000000"]]);
    // The database allows one entry per payout.
    await expect(
      moneyTransaction(db, async (tx) => {
        const { applyBalanceChange } = await import("@/lib/ledger/balance-change");
        await applyBalanceChange(tx, { customerId: affiliate.id, kind: "affiliate_commission", amount: new Decimal(10), affiliatePayoutId: entries[0]!.affiliatePayoutId });
      }),
    ).rejects.toThrow(/one_entry_per_affiliate_payout|Unique constraint|duplicate key/);
    await ledgerOk(db, [affiliate.id, customer.id]);
  });

  it("withdrawals: above the minimum, within the balance; an admin pays or rejects once, audited", async () => {
    const db = await getDb();
    const { admin, affiliate, customer, methodId } = await referredPair(db, "20");
    const paymentId = await waitingDeposit(db, customer, methodId, "100");
    expect(await reviewPayment(db, admin, approve(paymentId))).toMatchObject({ ok: true });
    const ask = (amount: string) => requestWithdrawal(db, affiliate.id, parsed(ZWithdrawalInput, { idempotencyKey: key(), amount, details: "PayPal a@example.com" }));
    expect(await ask("5")).toMatchObject({ ok: false, code: "below_min" });
    expect(await ask("20.000001")).toMatchObject({ ok: false, code: "balance_too_low" });
    const first = await ask("12");
    expect(first).toMatchObject({ ok: true, amount: "12.000000" });
    expect(await ask("10")).toMatchObject({ ok: false, code: "balance_too_low" });
    const payoutId = first.ok ? first.payoutId : 0;
    const decide = (decision: string, reason = "") => parsed(ZDecideWithdrawalInput, { payoutId, decision, reason });
    expect(await decideWithdrawal(db, admin, decide("rejected", "Account details do not match"))).toEqual({ ok: true });
    expect(await decideWithdrawal(db, admin, decide("paid"))).toMatchObject({ ok: false, code: "already_decided" });
    // Rejected: the 12 is back; a new request is paid.
    const second = await ask("20");
    expect(second).toMatchObject({ ok: true });
    expect(await decideWithdrawal(db, admin, parsed(ZDecideWithdrawalInput, { payoutId: second.ok ? second.payoutId : 0, decision: "paid" }))).toEqual({ ok: true });
    expect((await moneyTransaction(db, (tx) => commissionBalance(tx, affiliate.id))).toFixed(6)).toBe("0.000000");
    expect(await balanceOf(db, affiliate.id)).toBe("0.000000");
    expect(await db.auditLog.count({ where: { entityType: "AffiliatePayout", entityId: { in: [String(payoutId)] } } })).toBe(1);
    await ledgerOk(db, [affiliate.id, customer.id]);
  });
});

describe("referrals", () => {
  const input = (email: string) => ({ email, password: "a-long-password-1", name: "" }) as Parameters<typeof signUp>[1];

  it("a mailbox is the address without its +tag", () => {
    expect(mailboxKey("A+x@D.com")).toBe("a@d.com");
    expect(mailboxKey("a@d.com")).toBe(mailboxKey("a+shop@d.com"));
    expect(mailboxKey("b@d.com")).not.toBe(mailboxKey("a@d.com"));
  });

  it("a sign-up through the link is referred once; the same mailbox is refused, the same device or address held", async () => {
    const db = await getDb();
    const local = uniqueLabel("aff");
    const ip = () => `10.${crypto.randomInt(255)}.${crypto.randomInt(255)}.${crypto.randomInt(1, 255)}`;
    const affiliateIp = ip();
    expect(await signUp(db, input(`${local}@example.com`), { ip: affiliateIp, device: "device-of-affiliate" })).toEqual({ ok: true });
    const affiliate = await db.user.findUniqueOrThrow({ where: { email: `${local}@example.com` }, select: { id: true, referralCode: true, signUpDevice: true } });
    expect(affiliate).toMatchObject({ signUpDevice: "device-of-affiliate", referralCode: expect.stringMatching(/^[0-9a-f]{10}$/) });
    const viaLink = (email: string, traits: { ip: string; device: string }) => signUp(db, input(email), { ...traits, referralCode: affiliate.referralCode });
    const referralOf = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email }, select: { referredBy: { select: { affiliateId: true, state: true, holdReason: true } } } })).referredBy;

    // The affiliate's own mailbox with a +tag: an account, but never referred.
    await viaLink(`${local}+second@example.com`, { ip: ip(), device: "other-device" });
    expect(await referralOf(`${local}+second@example.com`)).toBeNull();
    // Same device cookie, and same address: held for review.
    const sameDevice = `${uniqueLabel("d")}@example.org`;
    await viaLink(sameDevice, { ip: ip(), device: "device-of-affiliate" });
    expect(await referralOf(sameDevice)).toEqual({ affiliateId: affiliate.id, state: "held", holdReason: "same device as the affiliate's sign-up" });
    const sameIp = `${uniqueLabel("i")}@example.org`;
    await viaLink(sameIp, { ip: affiliateIp, device: "third-device" });
    expect(await referralOf(sameIp)).toEqual({ affiliateId: affiliate.id, state: "held", holdReason: expect.stringContaining(`same address (${affiliateIp})`) });
    // Someone else: referred, once (a second recording changes nothing).
    const friend = `${uniqueLabel("f")}@example.net`;
    await viaLink(friend, { ip: ip(), device: "friend-device" });
    expect(await referralOf(friend)).toEqual({ affiliateId: affiliate.id, state: "active", holdReason: null });
    const friendId = (await db.user.findUniqueOrThrow({ where: { email: friend } })).id;
    const other = await makeUser(db, "customer");
    const { referralCode: otherCode } = await db.user.findUniqueOrThrow({ where: { id: other.id } });
    expect(await recordReferral(db, { referredId: friendId, code: otherCode, email: friend, device: null, ip: null })).toBe("refused");
    expect(await referralOf(friend)).toMatchObject({ affiliateId: affiliate.id });
    // Never by themselves, whatever the code says; the database refuses a self-referral row too.
    expect(await recordReferral(db, { referredId: affiliate.id, code: affiliate.referralCode, email: "x@y.z", device: null, ip: null })).toBe("refused");
    await expect(db.referral.create({ data: { affiliateId: other.id, referredId: other.id } })).rejects.toThrow(/Referral_not_self/);
  });

  it("a held referral's commission counts once an admin approves it, and is voided if rejected", async () => {
    const db = await getDb();
    const [admin, affiliate, heldOne, rejectedOne] = await Promise.all([makeUser(db, "admin"), makeUser(db, "customer"), makeUser(db, "customer"), makeUser(db, "customer")]);
    await setAffiliatePercent(db, admin, parsed(ZAffiliatePercentInput, { customerId: affiliate.id, percent: "10" }));
    const { referralCode: code } = await db.user.findUniqueOrThrow({ where: { id: affiliate.id } });
    // makeUser has no sign-up traits; the affiliate's sign-up device is what a same-device sign-up shares.
    await db.user.update({ where: { id: affiliate.id }, data: { signUpDevice: "shared" } });
    for (const c of [heldOne, rejectedOne]) expect(await recordReferral(db, { referredId: c.id, code, email: c.email, device: "shared", ip: null })).toBe("held");
    const methodId = await createMethod(db, admin as { id: number; role: "admin" }, { gateway: "manual" });
    for (const c of [heldOne, rejectedOne]) expect(await reviewPayment(db, admin, approve(await waitingDeposit(db, c, methodId, "30")))).toMatchObject({ ok: true });
    expect((await commissionsOf(db, affiliate.id)).map((c) => c.state)).toEqual(["held", "held"]);
    expect((await moneyTransaction(db, (tx) => commissionBalance(tx, affiliate.id))).toFixed(6)).toBe("0.000000");
    const referral = (id: number) => db.referral.findUniqueOrThrow({ where: { referredId: id } });
    expect(await reviewReferral(db, admin, { referralId: (await referral(heldOne.id)).id, decision: "active" })).toEqual({ ok: true });
    expect(await reviewReferral(db, admin, { referralId: (await referral(rejectedOne.id)).id, decision: "rejected" })).toEqual({ ok: true });
    expect((await commissionsOf(db, affiliate.id)).map((c) => c.state)).toEqual(["earned", "voided"]);
    expect((await moneyTransaction(db, (tx) => commissionBalance(tx, affiliate.id))).toFixed(6)).toBe("3.000000");
    await ledgerOk(db, [affiliate.id, heldOne.id, rejectedOne.id]);
  });
});

describe("ledger:verify", () => {
  it("catches a commission of the wrong amount and a deposit credited without its commission", async () => {
    const db = await getDb();
    const { admin, affiliate, customer, methodId } = await referredPair(db, "10");
    const paymentId = await waitingDeposit(db, customer, methodId, "50");
    expect(await reviewPayment(db, admin, approve(paymentId))).toMatchObject({ ok: true });
    await db.affiliateCommission.update({ where: { paymentId }, data: { amount: "6" } });
    let report = await verifyLedger(db, { customerIds: [affiliate.id, customer.id] });
    expect(report.ok).toBe(false);
    expect(report.mismatches).toEqual([expect.objectContaining({ check: "affiliate", message: expect.stringContaining("amount 6.000000 but 10 % of the deposit is 5.000000") })]);
    await db.affiliateCommission.delete({ where: { paymentId } });
    report = await verifyLedger(db, { customerIds: [affiliate.id, customer.id] });
    expect(report.mismatches).toEqual([expect.objectContaining({ check: "affiliate", message: expect.stringContaining("credited without its commission") })]);
  });
});
