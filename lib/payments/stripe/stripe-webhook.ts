// POST /api/payments/stripe/webhook: the raw body is verified by the SDK against the signing
// secret of the method the event's payment belongs to (webhookSecrets below), then mapped and applied.
// Anything unverified is logged and refused; verified events always answer 2xx once recorded,
// so that Stripe stops retrying them.
import type { Db } from "@/lib/db/connection";
import { applyGatewayReport } from "../apply-report";
import { openSecrets } from "../method-secrets";
import { fromMinorUnits } from "../quote";
import { Stripe } from "./stripe-client";
import { reportForSession } from "./stripe-gateway";

export type WebhookAnswer = { status: number; body: Record<string, unknown> };

/**
 * Where an event points in our payments, read from the body before it is verified, only to choose
 * the secret to verify it with: a Checkout session is a payment's `externalId`, a charge's or
 * dispute's payment intent its `externalRef`.
 */
function namedPayment(rawBody: string): { externalId: string } | { externalRef: string } | null {
  let event: { type?: unknown; data?: { object?: Record<string, unknown> } };
  try {
    event = JSON.parse(rawBody) as typeof event;
  } catch {
    return null;
  }
  const object = event?.data?.object;
  if (!object || typeof object !== "object" || typeof event.type !== "string") return null;
  if (event.type.startsWith("checkout.session.")) return typeof object.id === "string" ? { externalId: object.id } : null;
  const intent = object.payment_intent;
  const intentId = typeof intent === "string" ? intent : typeof (intent as { id?: unknown } | null)?.id === "string" ? (intent as { id: string }).id : null;
  return intentId ? { externalRef: intentId } : null;
}

/**
 * The signing secrets an event may carry. An event about one of our payments: only the secret of
 * that payment's method (or STRIPE_WEBHOOK_SECRET when the method stores none), whether or not the
 * method is still enabled (a refund or dispute of an old payment must still count). An event
 * about nothing of ours: the secrets of the enabled Stripe methods, only to tell Stripe's own
 * events (answered "ignored") from forgeries; nothing is applied either way.
 */
async function webhookSecrets(db: Db, rawBody: string): Promise<string[]> {
  const named = namedPayment(rawBody);
  const select = { gateway: true, method: { select: { settingsEncrypted: true } } } as const;
  const payment = !named
    ? null
    : "externalId" in named
      ? await db.payment.findUnique({ where: { gateway_externalId: { gateway: "stripe", externalId: named.externalId } }, select })
      : await db.payment.findFirst({ where: { gateway: "stripe", externalRef: named.externalRef }, select });
  const methods = payment?.gateway === "stripe" ? [payment.method] : await db.paymentMethod.findMany({ where: { gateway: "stripe", enabled: true }, select: { settingsEncrypted: true } });
  const secrets = methods.map((method) => openSecrets("stripe", method.settingsEncrypted).webhookSecret).filter((secret): secret is string => Boolean(secret));
  return [...new Set(secrets)];
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
  const event = signature ? verify(rawBody, signature, await webhookSecrets(db, rawBody)) : null;
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
