// The session cookie's name and flags, in one place for next-auth (lib/auth/options.ts), the
// token readers and proxy.ts (which refreshes the idle clock). Behind https (NEXTAUTH_URL starts
// with https://) cookies are Secure and take the __Secure- prefix, so a browser never sends them
// over plain http.
import { config, readConfig } from "@/lib/config";

export function secureCookiesWanted(env?: Record<string, string | undefined>): boolean {
  return (env ? readConfig(env) : config()).NEXTAUTH_URL?.trim().toLowerCase().startsWith("https://") ?? false;
}

export function sessionCookieName(secure = secureCookiesWanted()): string {
  return `${secure ? "__Secure-" : ""}next-auth.session-token`;
}
