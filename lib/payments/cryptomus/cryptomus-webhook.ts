// POST /api/payments/cryptomus/webhook: the body's own `sign` is checked with the API key of the
// method the payment belongs to (or CRYPTOMUS_API_KEY) before anything is believed, then the status
// is mapped and applied. Unverified bodies are logged and refused.
import type { Db } from "@/lib/db/connection";
import { applyGatewayReport } from "../apply-report";
import { openSecrets } from "../method-secrets";
import type { WebhookAnswer } from "../stripe/stripe-webhook";
import { paymentIdFromOrderId } from "./cryptomus-gateway";
import { verifyCryptomusWebhook } from "./cryptomus-sign";
import { reportForCryptomus } from "./cryptomus-statuses";
import { config } from "@/lib/config";

async function candidateKeys(db: Db, body: Record<string, unknown>): Promise<string[]> {
  const keys = new Set<string>();
  const paymentId = paymentIdFromOrderId(body.order_id);
  if (paymentId) {
    // Only chooses which key to check with; nothing about the payment is trusted before the check.
    const payment = await db.payment.findUnique({ where: { id: paymentId }, select: { method: { select: { gateway: true, settingsEncrypted: true } } } });
    if (payment?.method.gateway === "cryptomus") {
      const key = openSecrets("cryptomus", payment.method.settingsEncrypted).apiKey;
      if (key) keys.add(key);
    }
  }
  const fallback = config().CRYPTOMUS_API_KEY;
  if (fallback) keys.add(fallback);
  return [...keys];
}

export async function handleCryptomusWebhook(db: Db, rawBody: string): Promise<WebhookAnswer> {
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    body = null;
  }
  const refuse = async (message: string) => {
    await db.paymentEvent.create({ data: { gateway: "cryptomus", type: "webhook", outcome: "bad_signature", message } });
    return { status: 400, body: { error: "Invalid signature." } };
  };
  if (!body || typeof body !== "object" || Array.isArray(body)) return refuse("body is not a JSON object");
  const fields = body as Record<string, unknown>;
  let verified: Record<string, unknown> | null = null;
  for (const key of await candidateKeys(db, fields)) {
    verified = verifyCryptomusWebhook(fields, key);
    if (verified) break;
  }
  if (!verified) return refuse("sign does not verify");
  const uuid = typeof verified.uuid === "string" ? verified.uuid : null;
  const paymentId = paymentIdFromOrderId(verified.order_id);
  const { status, report } = reportForCryptomus(verified);
  const result = await applyGatewayReport(db, {
    gateway: "cryptomus",
    lookup: uuid ? { externalId: uuid } : { paymentId: paymentId ?? 0 },
    status,
    report,
    type: `${String(verified.type ?? "payment")}.${status}`,
    payload: verified,
  });
  return { status: 200, body: { received: true, outcome: result.outcome } };
}
