// Gateways need absolute URLs to send customers back and to post callbacks to.
import { config } from "@/lib/config";

export function publicBaseUrl(): string {
  const settings = config();
  return (settings.PAYMENTS_PUBLIC_URL || settings.NEXTAUTH_URL || "http://localhost:3000").replace(/\/+$/, "");
}

export const paymentPagePath = (paymentId: number) => `/funds/payments/${paymentId}`;
