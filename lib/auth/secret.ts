// next-auth's signing secret, checked by lib/config/secrets (placeholders and short values are
// refused; production and the CLI on PostgreSQL refuse a missing one). Read per request, so that
// `next build` does not need it.
import { readSecret } from "@/lib/config/secrets";

export function authSecret(): string {
  return readSecret("NEXTAUTH_SECRET");
}
