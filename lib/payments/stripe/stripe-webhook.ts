// POST /api/payments/stripe/webhook: the raw body is verified by the SDK against the webhook
// signing secret (STRIPE_WEBHOOK_SECRET or a Stripe method's own), then mapped and applied.
// Anything unverified is logged and refused; verified events always answer 2xx once recorded,
// so that Stripe stops retrying them.
import type { Db } from "@/lib/db/connection";
import { applyGatewayReport } from "../apply-report";
import { openSecrets } from "../method-secrets";
import { fromMinorUnits } from "../quote";
import { Stripe } from "./stripe-client";
import { reportForSession } from "./stripe-gateway";
import { config } from "@/lib/config";

export type WebhookAnswer = { status: number; body: Record<string, unknown> };

async function webhookSecrets(db: Db): Promise<string[]> {
  const methods = await db.paymentMethod.findMany({ where: { gateway: "stripe" }, select: { settingsEncrypted: true } });
  const secrets = new Set<string>();
  const fallback = config().STRIPE_WEBHOOK_SECRET;
  if (fallback) secrets.add(fallback);
  for (const m of methods) {
    const own = openSecrets("stripe", m.settingsEncrypted).webhookSecret;
    if (own) secrets.add(own);
  }
  return [...secrets];
}

function verify(rawBody: string, signature: string, secrets: string[]): Stripe.Event | null {
  for (const secret of secrets) {
    try {
      return Stripe.webhooks.constructEvent(rawBody, signature, secret);
    } catch {
      // Try the next secret; none matching is a refusal below.
    }
  }
  return null;
}

export async function handleStripeWebhook(db: Db, rawBody: string, signature: string | null): Promise<WebhookAnswer> {
  const event = signature ? verify(rawBody, signature, await webhookSecrets(db)) : null;
  if (!event) {
    await db.paymentEvent.create({ data: { gateway: "stripe", type: "webhook", outcome: "bad_signature", message: signature ? "signature does not verify" : "no Stripe-Signature header" } });
    return { status: 400, body: { error: "Invalid signature." } };
  }
  const common = { gateway: "stripe" as const, type: event.type, externalEventId: event.id, payload: event.data.object };
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded":
    case "checkout.session.expired": {
      const session = event.data.object;
      const { status, report } = reportForSession(session);
      const result = await applyGatewayReport(db, { ...common, lookup: { externalId: session.id }, status, report });
      return { status: 200, body: { received: true, outcome: result.outcome } };
    }
    case "checkout.session.async_payment_failed": {
      const session = event.data.object;
      const result = await applyGatewayReport(db, { ...common, lookup: { externalId: session.id }, status: "async_payment_failed", report: { kind: "failed" } });
      return { status: 200, body: { received: true, outcome: result.outcome } };
    }
    case "charge.refunded": {
      const charge = event.data.object;
      const intent = typeof charge.payment_intent === "string" ? charge.payment_intent : charge.payment_intent?.id;
      if (!intent) return { status: 200, body: { received: true, outcome: "ignored" } };
      const currency = charge.currency.toUpperCase();
      const result = await applyGatewayReport(db, {
        ...common,
        lookup: { externalRef: intent },
        status: "refunded",
        report: { kind: "reversed", reversal: "refund", key: event.id, amount: fromMinorUnits(charge.amount_refunded, currency), of: fromMinorUnits(charge.amount, currency), reason: "Refund" },
      });
      return { status: 200, body: { received: true, outcome: result.outcome } };
    }
    case "charge.dispute.created": {
      const dispute = event.data.object;
      const intent = typeof dispute.payment_intent === "string" ? dispute.payment_intent : dispute.payment_intent?.id;
      if (!intent) return { status: 200, body: { received: true, outcome: "ignored" } };
      const result = await applyGatewayReport(db, {
        ...common,
        lookup: { externalRef: intent },
        status: `dispute/${dispute.reason}`,
        // Keyed by the dispute, not the event: one dispute is taken back once, whatever reports it.
        report: { kind: "reversed", reversal: "dispute", key: `dispute:${dispute.id}`, amount: fromMinorUnits(dispute.amount, dispute.currency.toUpperCase()), of: null, reason: `Chargeback (${dispute.reason})` },
      });
      return { status: 200, body: { received: true, outcome: result.outcome } };
    }
    default:
      return { status: 200, body: { received: true, outcome: "ignored" } };
  }
}
