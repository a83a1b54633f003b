// Webhook bodies are read raw (signatures are over the exact bytes) and capped, so that an
// unauthenticated caller cannot make the panel buffer an unbounded body.
const MAX_WEBHOOK_BYTES = 64 * 1024;

export async function readWebhookBody(request: Request): Promise<string | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_WEBHOOK_BYTES) return null;
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > MAX_WEBHOOK_BYTES) return null;
  return new TextDecoder().decode(bytes);
}
