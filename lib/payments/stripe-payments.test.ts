// Stripe Checkout end to end over real HTTP: the SDK against a local server speaking Stripe's
// API, webhooks signed as Stripe signs them, delivered to the same handler the route uses, on a
// real PostgreSQL database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/lib/db/connection";
import { applyBalanceChange } from "@/lib/ledger/balance-change";
import { verifyLedger } from "@/lib/ledger/verify-ledger";
import { Decimal } from "@/lib/money";
import Stripe from "stripe";
import { createPayment } from "./create-payment";
import { ZCreatePaymentInput, ZReviewPaymentInput } from "./schemas";
import { parsed } from "@/lib/testing/fixtures";
import { reconcileWaitingPayments } from "./reconcile-waiting-payments";
import { refreshPayment } from "./refresh-payment";
import { outstandingChargeback } from "./outstanding-chargeback";
import { reviewPayment } from "./review-payment";
import { balanceOf, createMethod, entriesOf, makeAdminAndCustomer } from "./testing/fixtures";
import { startStripeStub, type StripeStub } from "./testing/stripe-stub";
import { startWebhookReceiver } from "./testing/webhook-receiver";

const SECRET_KEY = "sk_test_panel_0123456789";
const WEBHOOK_SECRET = "whsec_panel_test_secret";
let stub: StripeStub;
let receiver: { url: string; close(): Promise<void> };

beforeAll(async () => {
  const db = await getDb();
  receiver = await startWebhookReceiver(db);
  stub = await startStripeStub({ secretKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET, webhookUrl: `${receiver.url}/api/payments/stripe/webhook` });
  process.env.STRIPE_API_BASE = stub.url;
  process.env.PAYMENTS_PUBLIC_URL = "http://panel.test";
});
afterAll(async () => {
  await stub?.close();
  await receiver?.close();
  await closeDb();
});

async function setUp(opts: { currency?: string; fee?: string; bonuses?: [string, string][]; min?: string; max?: string } = {}) {
  const db = await getDb();
  const { admin, customer } = await makeAdminAndCustomer(db);
  const methodId = await createMethod(
    db,
    admin as { id: number; role: "admin" },
    { gateway: "stripe", currency: opts.currency ?? "USD", feePercent: opts.fee ?? "0", secretKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET, minAmount: opts.min ?? "1", maxAmount: opts.max ?? "10000" },
    opts.bonuses,
  );
  return { db, admin, customer, methodId };
}

async function pay(amount: string, opts: Parameters<typeof setUp>[0] = {}) {
  const ctx = await setUp(opts);
  const created = await createPayment(ctx.db, ctx.customer, parsed(ZCreatePaymentInput, { methodId: ctx.methodId, amount }));
  if (!created.ok) throw new Error(created.message);
  const payment = await ctx.db.payment.findUniqueOrThrow({ where: { id: created.paymentId } });
  return { ...ctx, created, payment, sessionId: payment.externalId! };
}

describe("Stripe Checkout", () => {
  it("creates a session in minor units, credits once with its bonus, and replays change nothing", async () => {
    const { db, customer, created, payment, sessionId } = await pay("120.50", { fee: "2.5", bonuses: [["100", "5"], ["500", "10"]] });
    expect(created.redirectUrl).toBe(`${stub.url}/pay/${sessionId}`);
    const session = stub.sessions.get(sessionId)!;
    // 120.50 + 2.5 % fee (3.0125, rounded up to a cent) = 123.52 → 12352 cents.
    expect(session.amount_total).toBe(12352);
    expect(session.currency).toBe("usd");
    expect(session.client_reference_id).toBe(String(payment.id));
    expect(session.success_url).toBe(`http://panel.test/funds/payments/${payment.id}`);

    const first = await stub.complete(sessionId);
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body).outcome).toBe("credited");
    // Deposit 120.50 and its 5 % bonus 6.025, in one go.
    expect(await entriesOf(db, payment.id)).toEqual([["deposit", "120.500000"], ["bonus", "6.025000"]]);
    expect(await balanceOf(db, customer.id)).toBe("126.525000");

    // Stripe retries: the same event three more times, freshly signed.
    const event = stub.sent.at(-1)!.payload;
    for (let i = 0; i < 3; i++) expect(JSON.parse((await stub.deliver(event)).body).outcome).toBe("duplicate");
    // A late expiry after payment changes nothing.
    expect(JSON.parse((await stub.expire(sessionId)).body).outcome).toBe("ignored");
    expect(await balanceOf(db, customer.id)).toBe("126.525000");
    expect((await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).state).toBe("paid");
    expect(await db.paymentEvent.count({ where: { paymentId: payment.id, outcome: "duplicate" } })).toBe(3);
    expect((await verifyLedger(db, { customerIds: [customer.id] })).ok).toBe(true);
  });

  it("the same webhook delivered 20 times at once credits once", async () => {
    const { db, customer, payment, sessionId } = await pay("50");
    await stub.complete(sessionId);
    const event = stub.sent.at(-1)!.payload;
    const answers = await Promise.all(Array.from({ length: 20 }, () => stub.deliver(event)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(await entriesOf(db, payment.id)).toEqual([["deposit", "50.000000"]]);
    expect(await balanceOf(db, customer.id)).toBe("50.000000");
    expect((await verifyLedger(db, { customerIds: [customer.id] })).ok).toBe(true);
  });

  it("refuses a tampered signature and an unsigned body, crediting nothing", async () => {
    const { db, customer, payment, sessionId } = await pay("30");
    await stub.expire(sessionId).catch(() => undefined);
    const forged = JSON.stringify({ id: "evt_forged", object: "event", type: "checkout.session.completed", data: { object: { ...stub.sessions.get(sessionId), status: "complete", payment_status: "paid" } } });
    const wrongSecret = Stripe.webhooks.generateTestHeaderString({ payload: forged, secret: "whsec_attacker" });
    expect((await stub.deliver(forged, wrongSecret)).status).toBe(400);
    // A real signature over another body.
    const realHeader = Stripe.webhooks.generateTestHeaderString({ payload: "{}", secret: WEBHOOK_SECRET });
    expect((await stub.deliver(forged, realHeader)).status).toBe(400);
    const unsigned = await fetch(`${receiver.url}/api/payments/stripe/webhook`, { method: "POST", body: forged });
    expect(unsigned.status).toBe(400);
    expect(await balanceOf(db, customer.id)).toBe("0.000000");
    expect((await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).state).toBe("expired");
  });

  it("flags a paid session whose amount or currency differs from what was asked", async () => {
    const { db, customer, payment, sessionId } = await pay("40");
    const answer = await stub.complete(sessionId, { amount_total: 100 });
    expect(JSON.parse(answer.body).outcome).toBe("flagged");
    const flagged = await db.payment.findUniqueOrThrow({ where: { id: payment.id } });
    expect(flagged.state).toBe("flagged");
    expect(flagged.flag).toContain("amount mismatch: paid 1 USD, asked 40");
    expect(await balanceOf(db, customer.id)).toBe("0.000000");

    const other = await pay("40");
    await stub.complete(other.sessionId, { currency: "eur" });
    expect((await db.payment.findUniqueOrThrow({ where: { id: other.payment.id } })).flag).toContain("currency mismatch");
    expect(await balanceOf(db, other.customer.id)).toBe("0.000000");
    expect((await verifyLedger(db, { customerIds: [customer.id, other.customer.id] })).ok).toBe(true);
  });

  it("an expired session credits nothing, and a payment reported after it is flagged, not credited", async () => {
    const { db, customer, payment, sessionId } = await pay("25");
    expect(JSON.parse((await stub.expire(sessionId)).body).outcome).toBe("state");
    expect((await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).state).toBe("expired");
    for (let i = 0; i < 3; i++) await stub.deliver(stub.sent.at(-1)!.payload);
    expect(JSON.parse((await stub.complete(sessionId)).body).outcome).toBe("flagged");
    expect(await balanceOf(db, customer.id)).toBe("0.000000");
    expect((await verifyLedger(db, { customerIds: [customer.id] })).ok).toBe(true);
  });

  it("zero-decimal currencies convert exactly, and amounts finer than the unit are refused", async () => {
    const { db, customer, methodId } = await setUp({ currency: "JPY", min: "100", max: "1000000" });
    const refused = await createPayment(db, customer, parsed(ZCreatePaymentInput, { methodId, amount: "1500.5" }));
    expect(refused).toMatchObject({ ok: false, code: "invalid_value", fields: { amount: { message: "JPY has no decimals." } } });
    const created = await createPayment(db, customer, parsed(ZCreatePaymentInput, { methodId, amount: "1500" }));
    if (!created.ok) throw new Error(created.message);
    const payment = await db.payment.findUniqueOrThrow({ where: { id: created.paymentId } });
    expect(stub.sessions.get(payment.externalId!)!.amount_total).toBe(1500);
    await stub.complete(payment.externalId!);
    expect(await balanceOf(db, customer.id)).toBe("1500.000000");
  });

  it("refuses amounts outside the method's limits, beside the field", async () => {
    const { db, customer, methodId } = await setUp({ min: "10", max: "100" });
    expect(await createPayment(db, customer, parsed(ZCreatePaymentInput, { methodId, amount: "9.99" }))).toMatchObject({ ok: false, code: "below_min", data: { min: "10" }, fields: { amount: { message: "The minimum is 10 USD." } } });
    expect(await createPayment(db, customer, parsed(ZCreatePaymentInput, { methodId, amount: "100.01" }))).toMatchObject({ ok: false, code: "above_max", fields: { amount: { message: "The maximum is 100 USD." } } });
    expect(ZCreatePaymentInput.safeParse({ methodId, amount: "abc" }).success).toBe(false);
    expect(await db.payment.count({ where: { userId: customer.id } })).toBe(0);
  });

  it("a refund is debited once as a chargeback; a dispute the balance cannot cover is flagged", async () => {
    const { db, customer, payment, sessionId } = await pay("80", { bonuses: [["50", "10"]] });
    await stub.complete(sessionId);
    expect(await balanceOf(db, customer.id)).toBe("88.000000");
    // Half refunded: half of the deposit and of its bonus.
    expect(JSON.parse((await stub.refund(sessionId, 4000)).body).outcome).toBe("charged_back");
    for (let i = 0; i < 3; i++) expect(JSON.parse((await stub.deliver(stub.sent.at(-1)!.payload)).body).outcome).toBe("duplicate");
    expect(await entriesOf(db, payment.id)).toEqual([["deposit", "80.000000"], ["bonus", "8.000000"], ["chargeback", "-44.000000"]]);
    expect(await balanceOf(db, customer.id)).toBe("44.000000");
    expect((await verifyLedger(db, { customerIds: [customer.id] })).ok).toBe(true);

    const spent = await pay("60");
    await stub.complete(spent.sessionId);
    // The customer spent most of it (an admin debit stands in for orders here).
    await db.$transaction((tx) => applyBalanceChange(tx, { customerId: spent.customer.id, kind: "adjustment", amount: new Decimal("-55") }));
    expect(JSON.parse((await stub.dispute(spent.sessionId)).body).outcome).toBe("flagged");
    const flagged = await db.payment.findUniqueOrThrow({ where: { id: spent.payment.id } });
    expect(flagged.state).toBe("charged_back");
    expect(flagged.flag).toContain("60.000000 not debited, the balance does not cover it");
    expect(await balanceOf(db, spent.customer.id)).toBe("5.000000");
    expect(await entriesOf(db, spent.payment.id)).toEqual([["deposit", "60.000000"]]);
    expect((await verifyLedger(db, { customerIds: [spent.customer.id] })).ok).toBe(true);
  });

  it("a partial refund, then the full refund and a dispute: 50 taken back in all, each report once, replays no-ops", async () => {
    const { db, customer, payment, sessionId } = await pay("50");
    await stub.complete(sessionId);
    const outcome = async (d: Promise<{ body: string }>) => JSON.parse((await d).body).outcome;
    expect(await outcome(stub.refund(sessionId, 1000))).toBe("charged_back");
    const firstRefund = stub.sent.at(-1)!.payload;
    expect(await balanceOf(db, customer.id)).toBe("40.000000");
    // Refunds are cumulative: 50 refunded in all takes back the 40 not yet taken.
    expect(await outcome(stub.refund(sessionId, 5000))).toBe("charged_back");
    const fullRefund = stub.sent.at(-1)!.payload;
    expect(await balanceOf(db, customer.id)).toBe("0.000000");
    // A dispute of the whole charge adds nothing beyond what was credited.
    expect(await outcome(stub.dispute(sessionId, 5000))).toBe("noted");
    const dispute = stub.sent.at(-1)!.payload;
    for (const payload of [firstRefund, fullRefund, dispute, firstRefund]) expect(await outcome(stub.deliver(payload))).toBe("duplicate");
    expect(await entriesOf(db, payment.id)).toEqual([["deposit", "50.000000"], ["chargeback", "-10.000000"], ["chargeback", "-40.000000"]]);
    expect(await balanceOf(db, customer.id)).toBe("0.000000");
    const after = await db.payment.findUniqueOrThrow({ where: { id: payment.id }, include: { reversals: { orderBy: { id: "asc" } } } });
    expect(after.state).toBe("charged_back");
    expect(after.chargebackAmount?.toFixed(6)).toBe("50.000000");
    expect(after.reversals.map((r) => [r.kind, r.amount.toFixed(6), r.totalAfter.toFixed(6)])).toEqual([
      ["refund", "10.000000", "10.000000"],
      ["refund", "40.000000", "50.000000"],
      ["dispute", "0.000000", "50.000000"],
    ]);
    expect((await verifyLedger(db, { customerIds: [customer.id] })).ok).toBe(true);
  });

  it("a dispute after a partial refund takes back the rest; a refund reported after it adds nothing", async () => {
    const { db, customer, payment, sessionId } = await pay("50", { bonuses: [["50", "10"]] });
    await stub.complete(sessionId);
    expect(await balanceOf(db, customer.id)).toBe("55.000000");
    expect(JSON.parse((await stub.refund(sessionId, 1000)).body).outcome).toBe("charged_back");
    // The dispute is of what was not refunded (Stripe disputes the rest): 40 of 50, with its bonus share.
    expect(JSON.parse((await stub.dispute(sessionId, 4000)).body).outcome).toBe("charged_back");
    expect(JSON.parse((await stub.refund(sessionId, 1000)).body).outcome).toBe("noted");
    expect(await entriesOf(db, payment.id)).toEqual([["deposit", "50.000000"], ["bonus", "5.000000"], ["chargeback", "-11.000000"], ["chargeback", "-44.000000"]]);
    expect(await balanceOf(db, customer.id)).toBe("0.000000");
    expect((await verifyLedger(db, { customerIds: [customer.id] })).ok).toBe(true);
  });

  it("replays of a refund and a dispute delivered at the same moment change nothing", async () => {
    const { db, customer, payment, sessionId } = await pay("50");
    await stub.complete(sessionId);
    await stub.refund(sessionId, 1000);
    const refund = stub.sent.at(-1)!.payload;
    await stub.dispute(sessionId, 2000);
    const dispute = stub.sent.at(-1)!.payload;
    const answers = await Promise.all([refund, refund, dispute, dispute, refund].map((p) => stub.deliver(p)));
    expect(answers.map((a) => [a.status, JSON.parse(a.body).outcome])).toEqual(Array(5).fill([200, "duplicate"]));
    expect(await entriesOf(db, payment.id)).toEqual([["deposit", "50.000000"], ["chargeback", "-10.000000"], ["chargeback", "-20.000000"]]);
    expect(await balanceOf(db, customer.id)).toBe("20.000000");
    expect((await verifyLedger(db, { customerIds: [customer.id] })).ok).toBe(true);
  });

  it("concurrent first deliveries of one new dispute: one entry, the others answered duplicate", async () => {
    const { db, customer, payment, sessionId } = await pay("50");
    await stub.complete(sessionId);
    const s = stub.sessions.get(sessionId)!;
    const payload = JSON.stringify({
      id: `evt_test_${payment.id}_race`, object: "event", type: "charge.dispute.created", created: Math.floor(Date.now() / 1000), livemode: false,
      data: { object: { id: `dp_test_${payment.id}_race`, object: "dispute", amount: 5000, currency: "usd", payment_intent: s.payment_intent, reason: "fraudulent", status: "needs_response" } },
    });
    const answers = await Promise.all(Array.from({ length: 6 }, () => stub.deliver(payload)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(answers.map((a) => JSON.parse(a.body).outcome).sort()).toEqual(["charged_back", "duplicate", "duplicate", "duplicate", "duplicate", "duplicate"]);
    expect(await entriesOf(db, payment.id)).toEqual([["deposit", "50.000000"], ["chargeback", "-50.000000"]]);
    expect(await balanceOf(db, customer.id)).toBe("0.000000");
  });

  it("ledger:verify catches a report the payment does not record, and the database refuses a second entry for one report", async () => {
    const { db, customer, payment, sessionId } = await pay("50");
    await stub.complete(sessionId);
    await stub.refund(sessionId, 1000);
    const reversal = await db.paymentReversal.findFirstOrThrow({ where: { paymentId: payment.id } });
    // A second chargeback entry for the same report: refused by LedgerEntry_one_chargeback_per_reversal.
    await expect(
      db.$transaction((tx) => applyBalanceChange(tx, { customerId: customer.id, kind: "chargeback", amount: new Decimal("-10"), paymentId: payment.id, reversalId: reversal.id })),
    ).rejects.toThrow();
    // Beyond what was credited: refused by the reversal trigger.
    await expect(db.paymentReversal.create({ data: { paymentId: payment.id, eventKey: "evt_over", kind: "dispute", reported: "50", amount: "45", totalAfter: "55" } })).rejects.toThrow();
    expect((await verifyLedger(db, { customerIds: [customer.id] })).ok).toBe(true);
    // A report written without updating the payment (a second road around applyReversal) is caught.
    await db.paymentReversal.create({ data: { paymentId: payment.id, eventKey: "evt_sneaky", kind: "dispute", reported: "5", amount: "5", totalAfter: "15" } });
    const report = await verifyLedger(db, { customerIds: [customer.id] });
    expect(report.ok).toBe(false);
    expect(report.mismatches.map((m) => m.message)).toEqual([`payment ${payment.id}: reversals take back 15.000000 but the payment records 10.000000`]);
  });

  it("an admin takes back a chargeback the balance could not cover, once it does: once with two admins at once; staff cannot", async () => {
    const { db, admin, customer, payment, sessionId } = await pay("60");
    await stub.complete(sessionId);
    await db.$transaction((tx) => applyBalanceChange(tx, { customerId: customer.id, kind: "adjustment", amount: new Decimal("-55") }));
    expect(JSON.parse((await stub.dispute(sessionId)).body).outcome).toBe("flagged");
    const collect = (actor: { id: number; role: "admin" | "staff" }) =>
      reviewPayment(db, actor, parsed(ZReviewPaymentInput, { paymentId: payment.id, decision: "collect", reason: "customer paid in again" }));

    // Not covered yet: a clear refusal, nothing written.
    expect(await collect(admin as { id: number; role: "admin" })).toEqual({ ok: false, code: "balance_too_low", message: "The customer's balance (5.000000) does not cover 60.000000: nothing was taken. Try again once it does, or adjust the balance.", data: { balance: "5.000000" } });
    expect(await entriesOf(db, payment.id)).toEqual([["deposit", "60.000000"]]);
    expect(await collect({ id: admin.id, role: "staff" })).toEqual({ ok: false, code: "not_allowed", message: "Only an admin can do this." });

    // The customer pays in again; two admins collect at the same moment: one debit.
    const again = await createPayment(db, customer, parsed(ZCreatePaymentInput, { methodId: payment.methodId, amount: "70" }));
    if (!again.ok) throw new Error(again.message);
    await stub.complete((await db.payment.findUniqueOrThrow({ where: { id: again.paymentId } })).externalId!);
    expect(await balanceOf(db, customer.id)).toBe("75.000000");
    const both = await Promise.all([collect(admin as { id: number; role: "admin" }), collect(admin as { id: number; role: "admin" })]);
    expect(both.filter((r) => r.ok)).toEqual([{ ok: true, state: "charged_back" }]);
    expect(both.filter((r) => !r.ok)).toEqual([{ ok: false, code: "chargeback_not_owed", message: "This chargeback was already taken back." }]);
    expect(await entriesOf(db, payment.id)).toEqual([["deposit", "60.000000"], ["chargeback", "-60.000000"]]);
    expect(await balanceOf(db, customer.id)).toBe("15.000000");
    const after = await db.payment.findUniqueOrThrow({ where: { id: payment.id }, include: { events: { orderBy: { id: "desc" }, take: 1 } } });
    expect(after.reviewedAt).not.toBeNull();
    expect(after.flag).toMatch(/not debited, the balance does not cover it; taken back later: 60\.000000$/);
    expect(after.events[0]).toMatchObject({ type: "admin.collect", outcome: "charged_back", message: expect.stringContaining("took back 60.000000") });
    expect((await verifyLedger(db, { customerIds: [customer.id] })).ok).toBe(true);

    // A payment with no chargeback has nothing to take back.
    expect(await reviewPayment(db, admin as { id: number; role: "admin" }, parsed(ZReviewPaymentInput, { paymentId: again.paymentId, decision: "collect", reason: "x" }))).toEqual({ ok: false, code: "chargeback_not_owed", message: "This payment has no chargeback to take back." });
  });

  it("after a partial refund was taken, a dispute the balance cannot cover is owed alone and collected once", async () => {
    const { db, admin, customer, payment, sessionId } = await pay("50");
    await stub.complete(sessionId);
    expect(JSON.parse((await stub.refund(sessionId, 1000)).body).outcome).toBe("charged_back");
    await db.$transaction((tx) => applyBalanceChange(tx, { customerId: customer.id, kind: "adjustment", amount: new Decimal("-35") }));
    expect(JSON.parse((await stub.dispute(sessionId, 4000)).body).outcome).toBe("flagged");
    const owedNow = await db.payment.findUniqueOrThrow({ where: { id: payment.id }, select: { state: true, reversals: { select: { amount: true, ledgerEntries: { select: { id: true } } } } } });
    expect(outstandingChargeback(owedNow)?.toFixed(6)).toBe("40.000000");
    const collect = () => reviewPayment(db, admin as { id: number; role: "admin" }, parsed(ZReviewPaymentInput, { paymentId: payment.id, decision: "collect", reason: "paid in again" }));
    expect(await collect()).toMatchObject({ ok: false, code: "balance_too_low", message: expect.stringContaining("does not cover 40.000000") });
    await db.$transaction((tx) => applyBalanceChange(tx, { customerId: customer.id, kind: "adjustment", amount: new Decimal("50") }));
    const both = await Promise.all([collect(), collect()]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(await entriesOf(db, payment.id)).toEqual([["deposit", "50.000000"], ["chargeback", "-10.000000"], ["chargeback", "-40.000000"]]);
    expect(await balanceOf(db, customer.id)).toBe("15.000000");
    expect((await verifyLedger(db, { customerIds: [customer.id] })).ok).toBe(true);
  });

  it("a lost webhook is caught up by the customer's page asking the gateway", async () => {
    const { db, customer, payment, sessionId } = await pay("15");
    stub.setWebhookUrl("http://127.0.0.1:1/lost");
    await stub.complete(sessionId).catch(() => undefined);
    stub.setWebhookUrl(`${receiver.url}/api/payments/stripe/webhook`);
    await db.payment.update({ where: { id: payment.id }, data: { updatedAt: new Date(Date.now() - 60_000) } });
    expect(await refreshPayment(db, customer.id + 1_000_000, payment.id)).toBeNull();
    expect(await refreshPayment(db, customer.id, payment.id)).toMatchObject({ state: "paid", balance: "15.000000" });
    expect(await entriesOf(db, payment.id)).toEqual([["deposit", "15.000000"]]);
  });

  it("the worker's sweep credits a paid payment whose webhook was lost (once, with two sweeps at once) and closes an expired one", async () => {
    const paid = await pay("15");
    const expired = await pay("20");
    const recent = await pay("25");
    const tooOld = await pay("30");
    stub.setWebhookUrl("http://127.0.0.1:1/lost");
    for (const p of [paid, recent, tooOld]) await stub.complete(p.sessionId).catch(() => undefined);
    await stub.expire(expired.sessionId).catch(() => undefined);
    stub.setWebhookUrl(`${receiver.url}/api/payments/stripe/webhook`);
    const db = paid.db;
    const quiet = new Date(Date.now() - 11 * 60_000);
    await db.payment.updateMany({ where: { id: { in: [paid.payment.id, expired.payment.id, tooOld.payment.id] } }, data: { updatedAt: quiet } });
    await db.$executeRaw`UPDATE "Payment" SET "createdAt" = now() - interval '4 days', "updatedAt" = ${quiet} WHERE id = ${tooOld.payment.id}`;

    const [first, second] = await Promise.all([reconcileWaitingPayments(db), reconcileWaitingPayments(db)]);
    expect(first.credited + second.credited).toBeGreaterThanOrEqual(1);
    const stateOf = async (p: { payment: { id: number } }) => (await db.payment.findUniqueOrThrow({ where: { id: p.payment.id } })).state;
    expect(await stateOf(paid)).toBe("paid");
    expect(await entriesOf(db, paid.payment.id)).toEqual([["deposit", "15.000000"]]);
    expect(await balanceOf(db, paid.customer.id)).toBe("15.000000");
    expect(await stateOf(expired)).toBe("expired");
    // Heard of less than ten minutes ago: left to its webhook and the customer's page.
    expect(await stateOf(recent)).toBe("waiting");
    // Older than the sweep's horizon: no longer asked, left for staff.
    expect(await stateOf(tooOld)).toBe("waiting");
    expect(await reconcileWaitingPayments(db)).toMatchObject({ credited: 0 });
    expect(await entriesOf(db, paid.payment.id)).toEqual([["deposit", "15.000000"]]);
    expect((await verifyLedger(db, { customerIds: [paid.customer.id, expired.customer.id] })).ok).toBe(true);
  });

  it("a gateway that refuses leaves the payment failed and says so", async () => {
    const { db, admin, customer } = await setUp();
    const methodId = await createMethod(db, admin as { id: number; role: "admin" }, { gateway: "stripe", secretKey: "sk_test_wrong", webhookSecret: WEBHOOK_SECRET });
    const result = await createPayment(db, customer, parsed(ZCreatePaymentInput, { methodId, amount: "10" }));
    expect(result).toMatchObject({ ok: false, code: "gateway_failed" });
    expect((await db.payment.findFirstOrThrow({ where: { userId: customer.id } })).state).toBe("failed");
  });
});
