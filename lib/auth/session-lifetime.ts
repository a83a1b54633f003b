// How long a session lives, and how one ends. The session is a JWT cookie, so "ending" it means
// making the database disagree with it: sign-out bumps the account's sessionVersion (every token
// of the account carrying the old version is refused from then on — sign-out signs out every
// device, which is what a user who fears a copied token wants), and a token unused for longer
// than SESSION_IDLE_MINUTES is refused too. `seen` is refreshed by proxy.ts on page requests;
// `since` (sign-in time) caps the total lifetime even for a session in constant use.
import type { JWT } from "next-auth/jwt";
import { config, readConfig } from "@/lib/config";
import type { Db } from "@/lib/db/connection";

/** The default lives in lib/config.ts; this is it, for callers that show it. */
export const DEFAULT_IDLE_MINUTES = readConfig({}).SESSION_IDLE_MINUTES;
export const MAX_SESSION_SECONDS = 7 * 24 * 3600;
/** `seen` is rewritten at most this often, so that not every request sets a cookie. */
export const SEEN_REFRESH_MS = 60_000;

/** SESSION_IDLE_MINUTES (lib/config.ts: 1 … 10080, a week); `env` for tests. */
export function idleTimeoutMs(env?: Record<string, string | undefined>): number {
  return (env ? readConfig(env) : config()).SESSION_IDLE_MINUTES * 60_000;
}

export type SessionClock = { seen?: number; since?: number };

/** Why this token no longer counts (idle or too old), or null while it is live. */
export function sessionExpiry(token: SessionClock, now = Date.now()): "idle" | "expired" | null {
  if (typeof token.seen !== "number" || typeof token.since !== "number") return "expired";
  if (now - token.since > MAX_SESSION_SECONDS * 1000) return "expired";
  if (now - token.seen > idleTimeoutMs()) return "idle";
  return null;
}

/** Sign-out: the token's version stops matching, so a copy of the cookie stops working too. */
export async function revokeSession(db: Db, token: Pick<JWT, "uid" | "sv"> | null | undefined): Promise<boolean> {
  if (!token?.uid || typeof token.sv !== "number") return false;
  const { count } = await db.user.updateMany({
    where: { id: token.uid, sessionVersion: token.sv },
    data: { sessionVersion: { increment: 1 } },
  });
  return count === 1;
}
