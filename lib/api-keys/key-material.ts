// What an API key is made of. The key itself is shown to its owner once and never stored: the
// database keeps its SHA-256 (to find it) and a short prefix (so that people can tell keys apart).
import crypto from "node:crypto";

export const API_KEY_PREFIX = "rp_";
/** `rp_` + the first 8 characters of the random part: enough to tell keys apart, useless to guess with. */
const VISIBLE_LENGTH = API_KEY_PREFIX.length + 8;
/** Longer than any key we issue; anything longer is refused without hashing. */
export const MAX_PRESENTED_KEY_LENGTH = 200;

/** `rp_` + 32 random bytes in base64url (43 characters). */
export function generateApiKey(): string {
  return API_KEY_PREFIX + crypto.randomBytes(32).toString("base64url");
}

export function hashApiKey(key: string): string {
  return crypto.createHash("sha256").update(key, "utf8").digest("hex");
}

export function visiblePrefix(key: string): string {
  return key.slice(0, VISIBLE_LENGTH);
}
