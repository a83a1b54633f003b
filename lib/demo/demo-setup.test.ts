// What `npm run demo` sets up, on the real PostgreSQL: a new customer can add funds (a bank
// transfer the demo admin approves, a card paid through the local Stripe stand-in whose webhook
// credits it), the setup is repeatable, and its log is short lines, not JSON.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb, type Db } from "@/lib/db/connection";
import { verifyLedger } from "@/lib/ledger";
import { Decimal } from "@/lib/money";
import { createPayment } from "@/lib/payments/create-payment";
import { reviewPayment } from "@/lib/payments/review-payment";
import { ZCreatePaymentInput, ZReviewPaymentInput } from "@/lib/payments/schemas";
import { startStripeStub, type StripeStub } from "@/lib/payments/testing/stripe-stub";
import { startWebhookReceiver } from "@/lib/payments/testing/webhook-receiver";
import { balanceOf, parsed } from "@/lib/testing/fixtures";
import { startSimulator, type SimulatorHandle } from "@/lib/upstream/simulator";
import { DEMO_BANK_TRANSFER, DEMO_CARD, DEMO_STRIPE_KEYS, ensureDemoPaymentMethods } from "./demo-payments";
import { DEMO_ACCOUNTS, setUpDemo } from "./demo-setup";

let db: Db;
let sim: SimulatorHandle;
let stripe: StripeStub;
let receiver: { url: string; close(): Promise<void> };
let notes: string[];

beforeAll(async () => {
  db = await getDb();
  sim = await startSimulator({ port: 0, seed: 3, services: 30, apiKey: "demo-test-key" });
  receiver = await startWebhookReceiver(db);
  stripe = await startStripeStub({ ...DEMO_STRIPE_KEYS, webhookUrl: `${receiver.url}/api/payments/stripe/webhook` });
  process.env.STRIPE_API_BASE = stripe.url;
  process.env.PAYMENTS_PUBLIC_URL = "http://localhost:3000";
  notes = [...(await setUpDemo(db, { url: sim.url, key: "demo-test-key" })), ...(await ensureDemoPaymentMethods(db, DEMO_ACCOUNTS.admin.email, DEMO_STRIPE_KEYS))];
});

afterAll(async () => {
  await stripe?.close();
  await receiver?.close();
  await sim?.close();
  await closeDb();
});

async function demoUser(which: "admin" | "customer") {
  return db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS[which].email }, select: { id: true, email: true, role: true } });
}

const methodId = async (name: string) => (await db.paymentMethod.findFirstOrThrow({ where: { name, enabled: true } })).id;

describe("the demo's setup", () => {
  it("logs short lines in words (no catalog summary as JSON) and creates its payment methods once", async () => {
    expect(notes.some((note) => note.startsWith(`Payment method "${DEMO_BANK_TRANSFER}" created`))).toBe(true);
    expect(notes.some((note) => /Catalog of "Demo provider": 30 services: /.test(note))).toBe(true);
    for (const note of notes) expect(note.length, note).toBeLessThanOrEqual(240);
    for (const note of notes) expect(note).not.toMatch(/[{}]/);
    const again = await ensureDemoPaymentMethods(db, DEMO_ACCOUNTS.admin.email, DEMO_STRIPE_KEYS);
    expect(again.filter((note) => note.includes("created"))).toEqual([]);
    expect(await db.paymentMethod.count({ where: { name: { in: [DEMO_BANK_TRANSFER, DEMO_CARD] } } })).toBe(2);
  });

  it("a bank transfer submitted by the demo customer is credited once the demo admin approves it", async () => {
    const customer = await demoUser("customer");
    const before = await balanceOf(db, customer.id);
    const created = await createPayment(db, customer, parsed(ZCreatePaymentInput, { methodId: await methodId(DEMO_BANK_TRANSFER), amount: "25", reference: "DEMO-1" }));
    if (!created.ok) throw new Error(created.message);
    const admin = (await demoUser("admin")) as { id: number; role: "admin" };
    expect(await reviewPayment(db, admin, parsed(ZReviewPaymentInput, { paymentId: created.paymentId, decision: "approve", reason: "seen" }))).toEqual({ ok: true, state: "paid" });
    expect(await balanceOf(db, customer.id)).toBe(new Decimal(before).plus(25).toFixed(6));
  });

  it("a card payment goes through the local Stripe stand-in and its signed webhook credits it", async () => {
    const customer = await demoUser("customer");
    const before = await balanceOf(db, customer.id);
    const created = await createPayment(db, customer, parsed(ZCreatePaymentInput, { methodId: await methodId(DEMO_CARD), amount: "10" }));
    if (!created.ok) throw new Error(created.message);
    expect(created.redirectUrl).toMatch(new RegExp(`^${stripe.url}/pay/`));
    // What the customer's click on "Pay now" does.
    const paid = await fetch(`${created.redirectUrl}/complete`, { method: "POST", redirect: "manual" });
    expect(paid.status).toBe(303);
    expect((await db.payment.findUniqueOrThrow({ where: { id: created.paymentId } })).state).toBe("paid");
    expect(await balanceOf(db, customer.id)).toBe(new Decimal(before).plus(10).toFixed(6));
    expect((await verifyLedger(db, { customerIds: [customer.id] })).ok).toBe(true);
  });
});
