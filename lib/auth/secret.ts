// next-auth's signing secret. Production refuses to start without one; development and the
// embedded demo use a fixed local value, which is only safe on a machine nobody else reaches.
export function authSecret(): string {
  const secret = process.env.NEXTAUTH_SECRET;
  if (secret) return secret;
  if (process.env.NODE_ENV === "production" && process.env.PANEL_DEMO !== "1") {
    throw new Error("NEXTAUTH_SECRET is not set: it is required in production.");
  }
  return "development-only-nextauth-secret";
}
