// Issue 19, items 10 and 11: each webhook is verified with the key of the method its payment
// belongs to, never another method's; a body naming no payment of ours is a clean 4xx. Over real
// HTTP against the app's own route handlers (app/api/payments/*/webhook/route.ts), with two
// methods per gateway, their payments created against local stand-ins of the gateways' APIs.
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb, getDb, type Db } from "@/lib/db/connection";
import { serveHandler, type ServedHandler } from "@/lib/api-v2/testing/serve-handler";
import { signCryptomusWebhook } from "@/lib/payments/cryptomus/cryptomus-sign";
import { createPayment } from "@/lib/payments/create-payment";
import { saveMethod } from "@/lib/payments/manage-methods";
import { ZCreatePaymentInput, ZSaveMethodInput } from "@/lib/payments/schemas";
import { startCryptomusStub, type CryptomusStub } from "@/lib/payments/testing/cryptomus-stub";
import { balanceOf, createMethod, makeAdminAndCustomer } from "@/lib/payments/testing/fixtures";
import { startStripeStub, type StripeStub } from "@/lib/payments/testing/stripe-stub";
import { parsed } from "@/lib/testing/fixtures";
import { POST as cryptomusRoute } from "./cryptomus/webhook/route";
import { POST as stripeRoute } from "./stripe/webhook/route";

let db: Db;
let cryptomusApp: ServedHandler;
let stripeApp: ServedHandler;

beforeAll(async () => {
  db = await getDb();
  [cryptomusApp, stripeApp] = await Promise.all([serveHandler({ POST: cryptomusRoute }), serveHandler({ POST: stripeRoute })]);
  process.env.PAYMENTS_PUBLIC_URL = cryptomusApp.url;
});
afterAll(async () => {
  await Promise.all([cryptomusApp?.close(), stripeApp?.close()]);
  await closeDb();
});

type Admin = { id: number; role: "admin" };

describe("Cryptomus webhooks", () => {
  const A = { merchantId: "aaaaaaaa-385b-4670-8d06-064591096795", apiKey: "cryptomus-key-of-method-a-0123456789" };
  const B = { merchantId: "bbbbbbbb-385b-4670-8d06-064591096795", apiKey: "cryptomus-key-of-method-b-0123456789" };
  let stubA: CryptomusStub;
  let stubB: CryptomusStub;
  beforeAll(async () => {
    [stubA, stubB] = await Promise.all([startCryptomusStub(A), startCryptomusStub(B)]);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await Promise.all([stubA?.close(), stubB?.close()]);
  });

  /** A payment of a new method whose invoices `stub` makes (the method stores `stored`, or nothing). */
  async function payment(stub: CryptomusStub, keys: typeof A, stored: "own key" | "no key of its own") {
    const { admin, customer } = await makeAdminAndCustomer(db);
    const methodId = await createMethod(db, admin as Admin, { gateway: "cryptomus", ...(stored === "own key" ? keys : { merchantId: keys.merchantId }) });
    vi.stubEnv("CRYPTOMUS_API_BASE", stub.url);
    const created = await createPayment(db, customer, parsed(ZCreatePaymentInput, { methodId, amount: "40" }));
    if (!created.ok) throw new Error(created.message);
    const row = await db.payment.findUniqueOrThrow({ where: { id: created.paymentId } });
    return { customer, id: row.id, uuid: row.externalId! };
  }
  const paidBody = (p: { id: number; uuid: string }) => ({ type: "payment", uuid: p.uuid, order_id: `panel-${p.id}`, amount: "40.00", payment_amount: "40.00", currency: "USD", status: "paid", is_final: true });
  const post = async (body: unknown) => {
    const response = await fetch(`${cryptomusApp.url}/api/payments/cryptomus/webhook`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it("a body signed with method A's key naming a payment of method B is refused; B's own key credits it", async () => {
    const a = await payment(stubA, A, "own key");
    const b = await payment(stubB, B, "own key");
    // A's key vouches for A's order_id, the uuid is B's invoice.
    const mixed = signCryptomusWebhook({ ...paidBody(a), uuid: b.uuid }, A.apiKey);
    expect(await post(mixed)).toEqual({ status: 400, body: { error: "Invalid signature." } });
    // Both names B's, signed with A's key.
    expect((await post(signCryptomusWebhook(paidBody(b), A.apiKey))).status).toBe(400);
    expect(await balanceOf(db, b.customer.id)).toBe("0.000000");
    expect(await balanceOf(db, a.customer.id)).toBe("0.000000");
    expect(await post(signCryptomusWebhook(paidBody(b), B.apiKey))).toEqual({ status: 200, body: { received: true, outcome: "credited" } });
    expect(await balanceOf(db, b.customer.id)).toBe("40.000000");
  });

  it("CRYPTOMUS_API_KEY verifies only payments of methods that store no key of their own", async () => {
    vi.stubEnv("CRYPTOMUS_API_KEY", A.apiKey);
    const a = await payment(stubA, A, "no key of its own");
    const b = await payment(stubB, B, "own key");
    expect((await post(signCryptomusWebhook(paidBody(b), A.apiKey))).status).toBe(400);
    expect(await balanceOf(db, b.customer.id)).toBe("0.000000");
    expect((await post(signCryptomusWebhook(paidBody(a), A.apiKey))).body).toEqual({ received: true, outcome: "credited" });
    vi.unstubAllEnvs();
  });

  it("a body naming no payment of ours is a clean 404, unsigned or not, with no server error", async () => {
    const errors = vi.spyOn(console, "error");
    expect(await post({ order_id: "panel-9999999999", status: "paid" })).toEqual({ status: 404, body: { error: "Unknown payment." } });
    expect(await post({ order_id: "panel-2147483000", uuid: "nope", status: "paid" })).toEqual({ status: 404, body: { error: "Unknown payment." } });
    expect((await post("not an object")).status).toBe(400);
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });
});

describe("Stripe webhooks", () => {
  const SECRET_KEY = "sk_test_two_methods_0123456789";
  const SECRETS = { a: "whsec_method_a_secret", b: "whsec_method_b_secret", c: "whsec_method_c_secret" };
  let stub: StripeStub;
  beforeAll(async () => {
    // The stub signs with A's secret unless a delivery names another.
    stub = await startStripeStub({ secretKey: SECRET_KEY, webhookSecret: SECRETS.a, webhookUrl: `${stripeApp.url}/api/payments/stripe/webhook` });
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await stub?.close();
  });

  async function method(webhookSecret: string) {
    const { admin, customer } = await makeAdminAndCustomer(db);
    const methodId = await createMethod(db, admin as Admin, { gateway: "stripe", secretKey: SECRET_KEY, webhookSecret });
    return { admin: admin as Admin, customer, methodId };
  }
  async function paymentOf(m: Awaited<ReturnType<typeof method>>) {
    vi.stubEnv("STRIPE_API_BASE", stub.url);
    const created = await createPayment(db, m.customer, parsed(ZCreatePaymentInput, { methodId: m.methodId, amount: "25" }));
    if (!created.ok) throw new Error(created.message);
    return (await db.payment.findUniqueOrThrow({ where: { id: created.paymentId } })).externalId!;
  }
  const signedWith = (payload: string, secret: string) => Stripe.webhooks.generateTestHeaderString({ payload, secret });

  it("an event about method B's payment verifies only with B's secret", async () => {
    await method(SECRETS.a);
    const b = await method(SECRETS.b);
    const session = await paymentOf(b);
    // Signed with A's secret (a valid secret of this panel, but not of B).
    expect((await stub.complete(session)).status).toBe(400);
    expect(await balanceOf(db, b.customer.id)).toBe("0.000000");
    const payload = stub.sent.at(-1)!.payload;
    const delivered = await stub.deliver(payload, signedWith(payload, SECRETS.b));
    expect([delivered.status, JSON.parse(delivered.body).outcome]).toEqual([200, "credited"]);
    expect(await balanceOf(db, b.customer.id)).toBe("25.000000");
  });

  it("a disabled method's secret counts only for that method's own payments", async () => {
    const b = await method(SECRETS.b);
    const c = await method(SECRETS.c);
    const sessionB = await paymentOf(b);
    const sessionC = await paymentOf(c);
    const disabled = await saveMethod(db, c.admin, parsed(ZSaveMethodInput, { methodId: String(c.methodId), gateway: "stripe", name: `disabled ${c.methodId}`, currency: "USD", exchangeRate: "1", minAmount: "1", maxAmount: "10000", feePercent: "0" }));
    expect(disabled).toMatchObject({ ok: true });
    expect((await db.paymentMethod.findUniqueOrThrow({ where: { id: c.methodId } })).enabled).toBe(false);

    await stub.complete(sessionB);
    const forB = stub.sent.at(-1)!.payload;
    expect((await stub.deliver(forB, signedWith(forB, SECRETS.c))).status).toBe(400);
    expect(await balanceOf(db, b.customer.id)).toBe("0.000000");
    // C's own payment, paid before C was disabled, still counts with C's secret.
    await stub.complete(sessionC);
    const forC = stub.sent.at(-1)!.payload;
    expect((await stub.deliver(forC, signedWith(forC, SECRETS.c))).status).toBe(200);
    expect(await balanceOf(db, c.customer.id)).toBe("25.000000");
    // An event about nothing of ours: an enabled method's secret tells it is Stripe's, a disabled one's does not.
    const other = JSON.stringify({ id: "evt_other", object: "event", type: "customer.created", data: { object: { id: "cus_1", object: "customer" } } });
    expect((await stub.deliver(other, signedWith(other, SECRETS.c))).status).toBe(400);
    const ignored = await stub.deliver(other, signedWith(other, SECRETS.b));
    expect([ignored.status, JSON.parse(ignored.body).outcome]).toEqual([200, "ignored"]);
  });
});
