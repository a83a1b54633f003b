// Cryptomus signs with md5(base64(JSON body) + API key) — requests in the `sign` header, webhooks in
// a `sign` field inside the body computed over the body without it. Their servers are PHP: the JSON
// they sign is json_encode's, which escapes "/" as "\/" (and keeps Unicode as is, like JSON.stringify).
import crypto from "node:crypto";

/** JSON exactly as PHP's json_encode($data, JSON_UNESCAPED_UNICODE) writes it. */
export function phpJson(value: unknown): string {
  return JSON.stringify(value).replace(/\//g, "\\/");
}

export function cryptomusSign(jsonBody: string, apiKey: string): string {
  return crypto.createHash("md5").update(Buffer.from(jsonBody, "utf8").toString("base64") + apiKey).digest("hex");
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/** Checks a webhook body's own `sign`. Returns the body without it when it verifies. */
export function verifyCryptomusWebhook(body: Record<string, unknown>, apiKey: string): Record<string, unknown> | null {
  const { sign, ...rest } = body;
  if (typeof sign !== "string" || !/^[0-9a-f]{32}$/i.test(sign)) return null;
  return safeEqual(cryptomusSign(phpJson(rest), apiKey), sign.toLowerCase()) ? rest : null;
}

/** A webhook body as Cryptomus sends it: the fields, then `sign` over them. */
export function signCryptomusWebhook(fields: Record<string, unknown>, apiKey: string): Record<string, unknown> {
  return { ...fields, sign: cryptomusSign(phpJson(fields), apiKey) };
}
