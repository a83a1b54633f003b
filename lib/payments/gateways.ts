// Which adapter serves which gateway. Manual methods have none: an admin is their gateway.
import type { PaymentGateway } from "@/lib/db/generated/enums";
import { cryptomusGateway } from "./cryptomus/cryptomus-gateway";
import type { GatewayAdapter } from "./gateway";
import { stripeGateway } from "./stripe/stripe-gateway";

const ADAPTERS: Record<Exclude<PaymentGateway, "manual">, GatewayAdapter> = { stripe: stripeGateway, cryptomus: cryptomusGateway };

export function adapterFor(gateway: PaymentGateway): GatewayAdapter | null {
  return gateway === "manual" ? null : ADAPTERS[gateway];
}

export const GATEWAY_LABELS: Record<PaymentGateway, string> = { stripe: "Card (Stripe)", cryptomus: "Crypto (Cryptomus)", manual: "Manual" };
