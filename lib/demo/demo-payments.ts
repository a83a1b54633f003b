// The demo's ways to add funds, so that a new customer can top up and order: a manual bank
// transfer the demo admin approves at /admin/payments/review, and, when the demo runs the local
// Stripe stand-in (lib/payments/testing/stripe-stub.ts: a hosted "checkout" page on this machine
// that sends signed webhooks back), a card method that goes through it. Created once, by name,
// through the same function as the admin's form (saveMethod): audited like any method.
import type { Db } from "@/lib/db/connection";
import { saveMethod } from "@/lib/payments/manage-methods";
import { ZSaveMethodInput } from "@/lib/payments/schemas";

export const DEMO_BANK_TRANSFER = "Bank transfer (demo)";
export const DEMO_CARD = "Card (demo: local Stripe stand-in)";

const BANK_INSTRUCTIONS = [
  "Demo: no money moves. Enter any amount and a reference such as DEMO-1,",
  "then sign in as the demo admin and approve it at Admin → Payments → Review.",
].join("\n");

export type DemoStripe = { secretKey: string; webhookSecret: string };
/** The local Stripe stand-in's keys: constants, as it only ever talks to the demo on this machine. */
export const DEMO_STRIPE_KEYS: DemoStripe = { secretKey: "sk_test_demo_local_stand_in", webhookSecret: "whsec_demo_local_stand_in" };

/** Creates the demo's methods that do not exist yet; returns what it did, for the demo's log. */
export async function ensureDemoPaymentMethods(db: Db, adminEmail: string, stripe: DemoStripe | null): Promise<string[]> {
  const admin = await db.user.findUniqueOrThrow({ where: { email: adminEmail }, select: { id: true, role: true } });
  const wanted = [
    { gateway: "manual", name: DEMO_BANK_TRANSFER, instructions: BANK_INSTRUCTIONS },
    ...(stripe ? [{ gateway: "stripe", name: DEMO_CARD, secretKey: stripe.secretKey, webhookSecret: stripe.webhookSecret }] : []),
  ];
  const notes: string[] = [];
  for (const method of wanted) {
    if (await db.paymentMethod.findFirst({ where: { name: method.name }, select: { id: true } })) continue;
    const input = ZSaveMethodInput.parse({ currency: "USD", exchangeRate: "1", minAmount: "1", maxAmount: "10000", feePercent: "0", enabled: "on", ...method });
    const saved = await saveMethod(db, admin, input);
    if (!saved.ok) throw new Error(`Cannot create the payment method "${method.name}": ${saved.error}`);
    notes.push(`Payment method "${method.name}" created`);
  }
  return notes;
}
