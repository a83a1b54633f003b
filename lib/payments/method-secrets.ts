// Gateway keys at rest: one AES-256-GCM blob per method (the same sealing as provider API keys,
// PROVIDER_KEY_SECRET), never sent back to a browser. Admins see the last characters only.
// Environment variables fill in what a method does not set (one Stripe / Cryptomus account).
import { config } from "@/lib/config";
import type { PaymentGateway } from "@/lib/db/generated/enums";
import { decryptProviderKey, encryptProviderKey } from "@/lib/providers/key-encryption";

export type MethodSecrets = Record<string, string>;

/** The secrets each gateway needs, with the environment variable that can supply them. */
type GatewaySetting = "STRIPE_SECRET_KEY" | "STRIPE_WEBHOOK_SECRET" | "CRYPTOMUS_MERCHANT_ID" | "CRYPTOMUS_API_KEY";
export const SECRET_FIELDS: Record<PaymentGateway, { name: string; label: string; env: GatewaySetting }[]> = {
  stripe: [
    { name: "secretKey", label: "Secret key (sk_…)", env: "STRIPE_SECRET_KEY" },
    { name: "webhookSecret", label: "Webhook signing secret (whsec_…)", env: "STRIPE_WEBHOOK_SECRET" },
  ],
  cryptomus: [
    { name: "merchantId", label: "Merchant UUID", env: "CRYPTOMUS_MERCHANT_ID" },
    { name: "apiKey", label: "Payment API key", env: "CRYPTOMUS_API_KEY" },
  ],
  manual: [],
};

export function sealSecrets(secrets: MethodSecrets): string {
  return encryptProviderKey(JSON.stringify(secrets));
}

/** Only what the method itself stores (no environment fallback). */
export function openStoredSecrets(sealed: string | null): MethodSecrets {
  return sealed ? (JSON.parse(decryptProviderKey(sealed)) as MethodSecrets) : {};
}

export function openSecrets(gateway: PaymentGateway, sealed: string | null): MethodSecrets {
  const stored = openStoredSecrets(sealed);
  const secrets: MethodSecrets = {};
  const settings = config();
  for (const field of SECRET_FIELDS[gateway]) {
    const value = stored[field.name] || settings[field.env];
    if (value) secrets[field.name] = value;
  }
  return secrets;
}

/** "…a1b2": enough to tell two keys apart, never enough to use one. */
export function hintOf(secret: string): string {
  return secret.length <= 8 ? "set" : `…${secret.slice(-4)}`;
}

export function requireSecret(secrets: MethodSecrets, name: string): string {
  const value = secrets[name];
  if (!value) throw new Error(`Payment method is missing its ${name}.`);
  return value;
}
