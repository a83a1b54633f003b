// The browser tests' payment gateways: a Stripe API server and a Cryptomus API server on local
// ports, started by scripts/test/run-e2e.ts before the app so that the app's environment points at
// them. The keys are test constants the spec types into the admin's method form.
import { startCryptomusStub } from "./cryptomus-stub";
import { startStripeStub } from "./stripe-stub";

export const E2E_GATEWAY_KEYS = {
  stripeSecretKey: "sk_test_e2e_panel_4242424242",
  stripeWebhookSecret: "whsec_e2e_panel_signing_secret",
  cryptomusMerchantId: "0d7f6a1c-e2e0-4c1a-9f00-6b1e2e2e2e2e",
  cryptomusApiKey: "e2e-cryptomus-payment-api-key-0001",
};

export async function startE2eGateways(appPort: number) {
  const stripe = await startStripeStub({
    secretKey: E2E_GATEWAY_KEYS.stripeSecretKey,
    webhookSecret: E2E_GATEWAY_KEYS.stripeWebhookSecret,
    webhookUrl: `http://127.0.0.1:${appPort}/api/payments/stripe/webhook`,
  });
  const cryptomus = await startCryptomusStub({ merchantId: E2E_GATEWAY_KEYS.cryptomusMerchantId, apiKey: E2E_GATEWAY_KEYS.cryptomusApiKey });
  return {
    env: { STRIPE_API_BASE: stripe.url, CRYPTOMUS_API_BASE: cryptomus.url },
    close: async () => {
      await stripe.close();
      await cryptomus.close();
    },
  };
}
