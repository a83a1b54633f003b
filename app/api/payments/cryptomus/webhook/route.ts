// Cryptomus's webhook endpoint: the raw body goes to lib/payments, which verifies its sign and applies it.
import { getDb } from "@/lib/db/client";
import { handleCryptomusWebhook } from "@/lib/payments/cryptomus/cryptomus-webhook";
import { readWebhookBody } from "@/lib/payments/read-webhook-body";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const raw = await readWebhookBody(request);
  if (raw === null) return Response.json({ error: "Body too large." }, { status: 413 });
  const answer = await handleCryptomusWebhook(await getDb(), raw);
  return Response.json(answer.body, { status: answer.status });
}
