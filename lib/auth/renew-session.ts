// After a password change the account's sessionVersion moves on, which ends every session of the
// account, this one included. The browser that made the change proved the current password inside
// a live session (and its second factor at sign-in), so its own session is carried over: the same
// token with the new version, written back as its cookie by the server action that made the change.
import "server-only";
import { cookies } from "next/headers";
import { encode } from "next-auth/jwt";
import { secureCookiesWanted, sessionCookieName } from "./cookies";
import { authSecret } from "./secret";
import { MAX_SESSION_SECONDS } from "./session-lifetime";
import { getToken } from "./token";

/** Moves the current request's session to `sessionVersion`; false when there is no session to move. */
export async function carrySessionTo(sessionVersion: number): Promise<boolean> {
  const token = await getToken();
  if (!token?.uid) return false;
  const secure = secureCookiesWanted();
  const value = await encode({ token: { ...token, sv: sessionVersion, seen: Date.now() }, secret: authSecret(), maxAge: MAX_SESSION_SECONDS });
  (await cookies()).set(sessionCookieName(secure), value, { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge: MAX_SESSION_SECONDS });
  return true;
}
