// POST /api/payments/cryptomus/webhook: the body's own `sign` is checked with the API key of the
// method the payment belongs to (CRYPTOMUS_API_KEY only when that method stores none; never
// another method's key) before anything is believed, then the status is mapped and applied to
// that payment. Unverified bodies and bodies naming no payment of ours are logged and refused (4xx).
import type { Db } from "@/lib/db/connection";
import { applyGatewayReport } from "../apply-report";
import { openSecrets } from "../method-secrets";
import type { WebhookAnswer } from "../stripe/stripe-webhook";
import { paymentIdFromOrderId } from "./cryptomus-gateway";
import { verifyCryptomusWebhook } from "./cryptomus-sign";
import { reportForCryptomus } from "./cryptomus-statuses";

type NamedPayment = { id: number; gateway: string; method: { settingsEncrypted: string | null } };
const NAMED = { id: true, gateway: true, method: { select: { settingsEncrypted: true } } } as const;

/**
 * The payment a body names by its invoice `uuid` and by its `order_id`, found only to choose the
 * key to check the body with; nothing else about it is believed before the check. A body whose two
 * names point at different payments is refused: a key would vouch for one and credit the other.
 */
async function namedPayment(db: Db, body: Record<string, unknown>): Promise<NamedPayment | "conflict" | null> {
  const uuid = typeof body.uuid === "string" && body.uuid.length <= 100 ? body.uuid : null;
  const paymentId = paymentIdFromOrderId(body.order_id);
  const [byUuid, byOrderId] = await Promise.all([
    uuid ? db.payment.findUnique({ where: { gateway_externalId: { gateway: "cryptomus", externalId: uuid } }, select: NAMED }) : null,
    paymentId ? db.payment.findUnique({ where: { id: paymentId }, select: NAMED }) : null,
  ]);
  if (byUuid && byOrderId && byUuid.id !== byOrderId.id) return "conflict";
  const payment = byUuid ?? byOrderId;
  return payment?.gateway === "cryptomus" ? payment : null;
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
  const payment = await namedPayment(db, fields);
  if (payment === "conflict") return refuse("uuid and order_id name different payments");
  if (!payment) {
    await db.paymentEvent.create({ data: { gateway: "cryptomus", type: "webhook", outcome: "unknown_payment", message: "names no Cryptomus payment of ours" } });
    return { status: 404, body: { error: "Unknown payment." } };
  }
  // Only the key of the payment's own method (or CRYPTOMUS_API_KEY when it stores none).
  const key = openSecrets("cryptomus", payment.method.settingsEncrypted).apiKey;
  const verified = key ? verifyCryptomusWebhook(fields, key) : null;
  if (!verified) return refuse("sign does not verify with the key of the payment's method");
  const { status, report } = reportForCryptomus(verified);
  const result = await applyGatewayReport(db, {
    gateway: "cryptomus",
    lookup: { paymentId: payment.id },
    status,
    report,
    type: `${String(verified.type ?? "payment")}.${status}`,
    payload: verified,
  });
  return { status: 200, body: { received: true, outcome: result.outcome } };
}
