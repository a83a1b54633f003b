// Stripe Checkout: a Checkout Session per payment (amount in minor units, converted exactly), its
// status read back with the SDK, and the mapping of Checkout's states to the panel's.
import { Decimal } from "@/lib/money";
import { GatewayError, type GatewayAdapter, type GatewayReport, type ReportedStatus } from "../gateway";
import { requireSecret } from "../method-secrets";
import { fromMinorUnits, toMinorUnits } from "../quote";
import { stripeClient, type Stripe } from "./stripe-client";

/** Checkout sessions live 24 h by default; ours expire sooner so that waiting payments close. */
const SESSION_LIFETIME_S = 60 * 60;

export function reportForSession(session: Stripe.Checkout.Session): ReportedStatus {
  const currency = (session.currency ?? "").toUpperCase();
  const amount = session.amount_total === null ? new Decimal(0) : fromMinorUnits(session.amount_total, currency || "USD");
  const intent = typeof session.payment_intent === "string" ? session.payment_intent : (session.payment_intent?.id ?? null);
  let report: GatewayReport;
  if (session.status === "expired") report = { kind: "expired" };
  else if (session.status === "complete" && session.payment_status === "paid") report = { kind: "paid", amount, currency, externalRef: intent };
  // Complete but unpaid: a delayed method (bank debit) whose outcome comes in a later event.
  else report = { kind: "pending" };
  return { status: `${session.status}/${session.payment_status}`, report };
}

export const stripeGateway: GatewayAdapter = {
  gateway: "stripe",
  async createCheckout(secrets, request) {
    const stripe = stripeClient(requireSecret(secrets, "secretKey"));
    try {
      const session = await stripe.checkout.sessions.create(
        {
          mode: "payment",
          client_reference_id: String(request.paymentId),
          customer_email: request.customerEmail,
          line_items: [
            {
              quantity: 1,
              price_data: { currency: request.currency.toLowerCase(), unit_amount: toMinorUnits(request.payAmount, request.currency), product_data: { name: request.description } },
            },
          ],
          metadata: { paymentId: String(request.paymentId) },
          payment_intent_data: { metadata: { paymentId: String(request.paymentId) } },
          success_url: request.returnUrl,
          cancel_url: `${request.returnUrl}?canceled=1`,
          expires_at: Math.floor(Date.now() / 1000) + SESSION_LIFETIME_S,
        },
        // One session per payment even if the request is retried.
        { idempotencyKey: `panel-payment-${request.paymentId}` },
      );
      if (!session.url) throw new GatewayError("Stripe returned no checkout URL.");
      return { externalId: session.id, redirectUrl: session.url, expiresAt: session.expires_at ? new Date(session.expires_at * 1000) : null };
    } catch (error) {
      if (error instanceof GatewayError) throw error;
      throw new GatewayError(`Stripe refused the checkout: ${(error as Error).message}`);
    }
  },
  async fetchStatus(secrets, externalId) {
    const session = await stripeClient(requireSecret(secrets, "secretKey")).checkout.sessions.retrieve(externalId);
    return reportForSession(session);
  },
};
