// Gateways need absolute URLs to send customers back and to post callbacks to.
export function publicBaseUrl(): string {
  return (process.env.PAYMENTS_PUBLIC_URL || process.env.NEXTAUTH_URL || "http://localhost:3000").replace(/\/+$/, "");
}

export const paymentPagePath = (paymentId: number) => `/funds/payments/${paymentId}`;
