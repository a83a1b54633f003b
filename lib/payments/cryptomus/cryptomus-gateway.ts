// Cryptomus invoices over its HTTP API (POST /v1/payment to create, /v1/payment/info to read back),
// each request signed with the `merchant` and `sign` headers. CRYPTOMUS_API_BASE points it at a
// local server speaking the same API in tests.
import { GatewayError, type GatewayAdapter } from "../gateway";
import { requireSecret, type MethodSecrets } from "../method-secrets";
import { currencyScale } from "../quote";
import { cryptomusSign } from "./cryptomus-sign";
import { reportForCryptomus } from "./cryptomus-statuses";
import { config } from "@/lib/config";

const INVOICE_LIFETIME_S = 60 * 60;

function apiBase(): string {
  return config().CRYPTOMUS_API_BASE.replace(/\/+$/, "");
}

type CryptomusAnswer = { state?: number; result?: Record<string, unknown>; message?: string; errors?: unknown };

async function call(secrets: MethodSecrets, path: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const json = JSON.stringify(body);
  let response: Response;
  try {
    response = await fetch(`${apiBase()}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", merchant: requireSecret(secrets, "merchantId"), sign: cryptomusSign(json, requireSecret(secrets, "apiKey")) },
      body: json,
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    throw new GatewayError(`Cryptomus could not be reached: ${(error as Error).message}`);
  }
  const answer = (await response.json().catch(() => ({}))) as CryptomusAnswer;
  if (!response.ok || answer.state !== 0 || !answer.result) {
    throw new GatewayError(`Cryptomus refused the request (HTTP ${response.status}): ${answer.message ?? JSON.stringify(answer.errors ?? answer).slice(0, 200)}`);
  }
  return answer.result;
}

export const cryptomusGateway: GatewayAdapter = {
  gateway: "cryptomus",
  async createCheckout(secrets, request) {
    const result = await call(secrets, "/v1/payment", {
      amount: request.payAmount.toFixed(currencyScale("cryptomus", request.currency)),
      currency: request.currency,
      order_id: `panel-${request.paymentId}`,
      url_return: request.returnUrl,
      url_success: request.returnUrl,
      url_callback: request.callbackUrl,
      lifetime: INVOICE_LIFETIME_S,
      additional_data: request.description,
    });
    const uuid = typeof result.uuid === "string" ? result.uuid : null;
    const url = typeof result.url === "string" ? result.url : null;
    if (!uuid || !url) throw new GatewayError("Cryptomus returned no invoice.");
    const expires = typeof result.expired_at === "number" ? new Date(result.expired_at * 1000) : null;
    return { externalId: uuid, redirectUrl: url, expiresAt: expires };
  },
  async fetchStatus(secrets, externalId) {
    return reportForCryptomus(await call(secrets, "/v1/payment/info", { uuid: externalId }));
  },
};

/** Our order_id for a payment, and back. */
export function paymentIdFromOrderId(orderId: unknown): number | null {
  const match = typeof orderId === "string" ? /^panel-(\d{1,10})$/.exec(orderId) : null;
  const id = match ? Number(match[1]) : 0;
  // Payment ids are PostgreSQL integers: "panel-9999999999" names none (and must not reach a query).
  return id >= 1 && id <= 2_147_483_647 ? id : null;
}
