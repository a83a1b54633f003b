// next-auth's signing secret. Production refuses to start without one (`npm run demo` makes
// and keeps its own in ./data); development uses a fixed local value.
export function authSecret(): string {
  const secret = process.env.NEXTAUTH_SECRET;
  if (secret) return secret;
  if (process.env.NODE_ENV === "production") {
    throw new Error("NEXTAUTH_SECRET is not set: it is required in production.");
  }
  return "development-only-nextauth-secret";
}
