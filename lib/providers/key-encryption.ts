// Provider API keys are encrypted at rest with AES-256-GCM. The key material comes from
// PROVIDER_KEY_SECRET, checked by lib/config/secrets (development on the embedded database uses a
// fixed local value; placeholders, short values and a missing one in production are refused).
import crypto from "node:crypto";
import { readSecret } from "@/lib/config/secrets";

function secretKey(): Buffer {
  return crypto.createHash("sha256").update(readSecret("PROVIDER_KEY_SECRET")).digest();
}

export function encryptProviderKey(plain: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", secretKey(), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

export function decryptProviderKey(sealed: string): string {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || body === undefined) throw new Error("Unreadable provider key (unknown format).");
  const decipher = crypto.createDecipheriv("aes-256-gcm", secretKey(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  try {
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new Error("Provider key cannot be decrypted: PROVIDER_KEY_SECRET differs from the one it was stored with.");
  }
}

