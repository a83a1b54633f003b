// Provider API keys are encrypted at rest with AES-256-GCM. The key material comes from
// PROVIDER_KEY_SECRET; in development a fixed local secret is used (and said so), in
// production its absence is a startup error.
import crypto from "node:crypto";

const DEV_SECRET = "development-only-provider-key-secret";

function secretKey(): Buffer {
  let secret = process.env.PROVIDER_KEY_SECRET;
  if (!secret) {
    if (process.env.NODE_ENV === "production") {
      throw new Error("PROVIDER_KEY_SECRET is not set: it is required in production to encrypt provider API keys.");
    }
    secret = DEV_SECRET;
  }
  return crypto.createHash("sha256").update(secret).digest();
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

/** Fails fast at startup when production lacks the secret. */
export function assertProviderKeySecretConfigured(): void {
  secretKey();
}
