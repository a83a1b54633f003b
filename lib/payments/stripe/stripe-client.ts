// The official Stripe SDK, pointed at STRIPE_API_BASE when set (a local server speaking Stripe's
// API in tests), otherwise at api.stripe.com.
import Stripe from "stripe";
import { config } from "@/lib/config";

export function stripeClient(secretKey: string): Stripe {
  const base = config().STRIPE_API_BASE;
  const target = base ? new URL(base) : null;
  return new Stripe(secretKey, {
    maxNetworkRetries: 1,
    timeout: 15_000,
    telemetry: false,
    ...(target
      ? { host: target.hostname, port: target.port || (target.protocol === "https:" ? 443 : 80), protocol: target.protocol.replace(":", "") as "http" | "https" }
      : {}),
  });
}

export { Stripe };
