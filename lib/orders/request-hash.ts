import crypto from "node:crypto";

/** Key order does not matter: the same request always hashes the same. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

/** Fingerprint of what was ordered, so a reused idempotency key with another payload is refused. */
export function requestHashOf(request: unknown): string {
  return crypto.createHash("sha256").update(JSON.stringify(canonical(request))).digest("hex");
}
