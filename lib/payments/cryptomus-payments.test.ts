// Cryptomus end to end over real HTTP: invoices created against a local server speaking its API
// (merchant + sign headers checked there), webhooks signed as Cryptomus signs them, real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/lib/db/connection";
import { verifyLedger } from "@/lib/ledger/verify-ledger";
import { createPayment } from "./create-payment";
import { ZCreatePaymentInput } from "./schemas";
import { parsed } from "@/lib/testing/fixtures";
import { cryptomusSign, phpJson, verifyCryptomusWebhook } from "./cryptomus/cryptomus-sign";
import { refreshPayment } from "./refresh-payment";
import { startCryptomusStub, type CryptomusStub } from "./testing/cryptomus-stub";
import { balanceOf, createMethod, entriesOf, makeAdminAndCustomer } from "./testing/fixtures";
import { startWebhookReceiver } from "./testing/webhook-receiver";

const MERCHANT = "8b03432e-385b-4670-8d06-064591096795";
const API_KEY = "cryptomus-payment-key-0123456789abcdef";
let stub: CryptomusStub;
let receiver: { url: string; close(): Promise<void> };

beforeAll(async () => {
  receiver = await startWebhookReceiver(await getDb());
  stub = await startCryptomusStub({ merchantId: MERCHANT, apiKey: API_KEY });
  process.env.CRYPTOMUS_API_BASE = stub.url;
  process.env.PAYMENTS_PUBLIC_URL = receiver.url;
});
afterAll(async () => {
  await stub?.close();
  await receiver?.close();
  await closeDb();
});

async function pay(amount: string, opts: { bonuses?: [string, string][]; apiKey?: string } = {}) {
  const db = await getDb();
  const { admin, customer } = await makeAdminAndCustomer(db);
  const methodId = await createMethod(db, admin as { id: number; role: "admin" }, { gateway: "cryptomus", currency: "USD", merchantId: MERCHANT, apiKey: opts.apiKey ?? API_KEY }, opts.bonuses);
  const created = await createPayment(db, customer, parsed(ZCreatePaymentInput, { methodId, amount }));
  if (!created.ok) throw new Error(created.message);
  const payment = await db.payment.findUniqueOrThrow({ where: { id: created.paymentId } });
  return { db, customer, created, payment, uuid: payment.externalId! };
}
const outcome = (d: { body: string }) => JSON.parse(d.body).outcome;

describe("Cryptomus signatures", () => {
  it("sign the PHP json_encode form of the body, slashes escaped", () => {
    const body = { uuid: "u", url: "https://x.test/a/b", note: "café" };
    expect(phpJson(body)).toBe('{"uuid":"u","url":"https:\\/\\/x.test\\/a\\/b","note":"café"}');
    const signed = { ...body, sign: cryptomusSign(phpJson(body), "k") };
    expect(verifyCryptomusWebhook(signed, "k")).toEqual(body);
    expect(verifyCryptomusWebhook(signed, "other")).toBeNull();
    expect(verifyCryptomusWebhook({ ...signed, url: "https://evil.test" }, "k")).toBeNull();
    // Signed without the PHP escaping: not what Cryptomus sends, refused.
    expect(verifyCryptomusWebhook({ ...body, sign: cryptomusSign(JSON.stringify(body), "k") }, "k")).toBeNull();
  });
});

describe("Cryptomus invoices", () => {
  it("creates a signed invoice, credits paid once with its bonus; replays change nothing", async () => {
    const { db, customer, created, payment, uuid } = await pay("150", { bonuses: [["100", "5"]] });
    const invoice = stub.invoices.get(uuid)!;
    expect(created.redirectUrl).toBe(invoice.url);
    expect(invoice).toMatchObject({ amount: "150.00", currency: "USD", order_id: `panel-${payment.id}`, url_callback: `${receiver.url}/api/payments/cryptomus/webhook` });
    expect(outcome(await stub.settle(uuid, "paid", "150.00", { additional_data: "https://panel.test/funds/a/b" }))).toBe("credited");
    const body = stub.sent.at(-1)!;
    for (let i = 0; i < 3; i++) expect(outcome(await stub.deliver(uuid, body))).toBe("duplicate");
    expect(await entriesOf(db, payment.id)).toEqual([["deposit", "150.000000"], ["bonus", "7.500000"]]);
    expect(await balanceOf(db, customer.id)).toBe("157.500000");
    expect((await verifyLedger(db, { customerIds: [customer.id] })).ok).toBe(true);
  });

  it("the same webhook delivered 20 times at once credits once", async () => {
    const { db, customer, payment, uuid } = await pay("20");
    await stub.settle(uuid, "paid");
    const body = stub.sent.at(-1)!;
    await Promise.all(Array.from({ length: 20 }, () => stub.deliver(uuid, body)));
    expect(await entriesOf(db, payment.id)).toEqual([["deposit", "20.000000"]]);
    expect(await balanceOf(db, customer.id)).toBe("20.000000");
  });

  it("refuses a tampered body or sign, and one signed with another key", async () => {
    const { db, customer, payment, uuid } = await pay("35");
    await stub.settle(uuid, "check");
    const genuine = stub.sent.at(-1)!;
    const paid: Record<string, unknown> = { ...genuine, status: "paid", payment_amount: "35.00" };
    expect((await stub.deliver(uuid, paid)).status).toBe(400);
    expect((await stub.deliver(uuid, { ...paid, sign: cryptomusSign(phpJson({ ...paid, sign: undefined }), "not-the-key") })).status).toBe(400);
    const unsigned = { ...paid };
    delete unsigned.sign;
    expect((await stub.deliver(uuid, unsigned)).status).toBe(400);
    expect(await balanceOf(db, customer.id)).toBe("0.000000");
    expect((await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).state).toBe("waiting");
    expect(await db.paymentEvent.count({ where: { gateway: "cryptomus", outcome: "bad_signature" } })).toBeGreaterThanOrEqual(3);
  });

  it("paid_over credits what was asked and flags the surplus; wrong_amount credits nothing and flags", async () => {
    const over = await pay("10");
    expect(outcome(await stub.settle(over.uuid, "paid_over", "12.50"))).toBe("credited");
    const overPaid = await over.db.payment.findUniqueOrThrow({ where: { id: over.payment.id } });
    expect(overPaid.state).toBe("paid");
    expect(overPaid.flag).toContain("overpaid by 2.5 USD");
    expect(await balanceOf(over.db, over.customer.id)).toBe("10.000000");

    const under = await pay("10");
    expect(outcome(await stub.settle(under.uuid, "wrong_amount_waiting", "4.00"))).toBe("ignored");
    expect(outcome(await stub.settle(under.uuid, "wrong_amount", "7.00"))).toBe("flagged");
    const underPaid = await under.db.payment.findUniqueOrThrow({ where: { id: under.payment.id } });
    expect(underPaid).toMatchObject({ state: "flagged", reportedAmount: "7" });
    expect(underPaid.flag).toContain("underpaid: the gateway received 7 of 10");
    expect(await balanceOf(under.db, under.customer.id)).toBe("0.000000");
    expect((await verifyLedger(under.db, { customerIds: [over.customer.id, under.customer.id] })).ok).toBe(true);
  });

  it("an invoice amount that differs from what was asked is flagged, never credited", async () => {
    const { db, customer, payment, uuid } = await pay("60");
    stub.invoices.get(uuid)!.amount = "6.00";
    expect(outcome(await stub.settle(uuid, "paid", "6.00"))).toBe("flagged");
    expect((await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).flag).toContain("amount mismatch");
    expect(await balanceOf(db, customer.id)).toBe("0.000000");
  });

  it("cancel (not paid in time) expires it; fail fails it; late and out-of-order reports change nothing", async () => {
    const a = await pay("5");
    expect(outcome(await stub.settle(a.uuid, "cancel"))).toBe("state");
    expect((await a.db.payment.findUniqueOrThrow({ where: { id: a.payment.id } })).state).toBe("expired");
    const b = await pay("5");
    expect(outcome(await stub.settle(b.uuid, "paid"))).toBe("credited");
    // Out of order: an older "check" and a "fail" after the payment.
    expect(outcome(await stub.settle(b.uuid, "check"))).toBe("ignored");
    expect(outcome(await stub.settle(b.uuid, "fail"))).toBe("ignored");
    expect((await b.db.payment.findUniqueOrThrow({ where: { id: b.payment.id } })).state).toBe("paid");
    const c = await pay("5");
    expect(outcome(await stub.settle(c.uuid, "system_fail"))).toBe("state");
    expect((await c.db.payment.findUniqueOrThrow({ where: { id: c.payment.id } })).state).toBe("failed");
    expect(await balanceOf(a.db, a.customer.id)).toBe("0.000000");
    expect(await balanceOf(c.db, c.customer.id)).toBe("0.000000");
  });

  it("refund_paid takes the deposit and its bonus back once; refund_process only notes it", async () => {
    const { db, customer, payment, uuid } = await pay("100", { bonuses: [["100", "10"]] });
    await stub.settle(uuid, "paid");
    expect(outcome(await stub.settle(uuid, "refund_process"))).toBe("noted");
    expect(outcome(await stub.settle(uuid, "refund_paid"))).toBe("charged_back");
    for (let i = 0; i < 3; i++) expect(outcome(await stub.deliver(uuid, stub.sent.at(-1)!))).toBe("duplicate");
    // Sent again as a new notification (another txid): the same refund, not a second one.
    expect(outcome(await stub.settle(uuid, "refund_paid"))).toBe("duplicate");
    expect(await entriesOf(db, payment.id)).toEqual([["deposit", "100.000000"], ["bonus", "10.000000"], ["chargeback", "-110.000000"]]);
    expect(await balanceOf(db, customer.id)).toBe("0.000000");
    expect((await verifyLedger(db, { customerIds: [customer.id] })).ok).toBe(true);
  });

  it("a lost webhook is caught up through /v1/payment/info", async () => {
    const { db, customer, payment, uuid } = await pay("9");
    const invoice = stub.invoices.get(uuid)!;
    Object.assign(invoice, { payment_status: "paid", payment_amount: "9.00", is_final: true });
    await db.payment.update({ where: { id: payment.id }, data: { updatedAt: new Date(Date.now() - 60_000) } });
    expect(await refreshPayment(db, customer.id, payment.id)).toMatchObject({ state: "paid", balance: "9.000000" });
  });

  it("a method with a wrong API key cannot create invoices", async () => {
    const db = await getDb();
    const { admin, customer } = await makeAdminAndCustomer(db);
    const methodId = await createMethod(db, admin as { id: number; role: "admin" }, { gateway: "cryptomus", merchantId: MERCHANT, apiKey: "wrong-key-123456789" });
    expect(await createPayment(db, customer, parsed(ZCreatePaymentInput, { methodId, amount: "10" }))).toMatchObject({ ok: false, code: "gateway_failed" });
  });
});
