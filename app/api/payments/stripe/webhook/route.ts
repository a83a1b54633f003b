// Stripe's webhook endpoint: the raw body goes to lib/payments, which verifies and applies it.
import { getDb } from "@/lib/db/client";
import { readWebhookBody } from "@/lib/payments/read-webhook-body";
import { handleStripeWebhook } from "@/lib/payments/stripe/stripe-webhook";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const raw = await readWebhookBody(request);
  if (raw === null) return Response.json({ error: "Body too large." }, { status: 413 });
  const answer = await handleStripeWebhook(await getDb(), raw, request.headers.get("stripe-signature"));
  return Response.json(answer.body, { status: answer.status });
}
