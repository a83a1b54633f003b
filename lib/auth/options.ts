import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/db/client";
import { SIGN_IN_ERRORS, ZSignInInput } from "@/lib/users/schemas";
import { verifySignInCode } from "./two-factor";
import { burnPasswordCheck, verifyPassword } from "./password";
import { secureCookiesWanted } from "./cookies";
import { authSecret } from "./secret";
import { MAX_SESSION_SECONDS, revokeSession } from "./session-lifetime";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { panelLimits, tooManyMessage } from "@/lib/rate-limit/policies";

declare module "next-auth" {
  interface Session {
    user: { id: number; email: string; role: "customer" | "staff" | "admin" };
  }
  interface User {
    role: "customer" | "staff" | "admin";
    sessionVersion: number;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    uid?: number;
    role?: "customer" | "staff" | "admin";
    sv?: number;
    /** Sign-in time and last activity (ms), for the total and idle lifetimes. */
    since?: number;
    seen?: number;
  }
}

export const authOptions: NextAuthOptions = {
  // Read per request, so that `next build` does not need the secret.
  get secret() {
    return authSecret();
  },
  session: { strategy: "jwt", maxAge: MAX_SESSION_SECONDS },
  // Explicit (next-auth would infer the same from NEXTAUTH_URL): the token readers must agree.
  get useSecureCookies() {
    return secureCookiesWanted();
  },
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const parsed = ZSignInInput.safeParse(credentials ?? {});
        if (!parsed.success) return null;
        // Shared across processes, per account+IP with backoff, per IP and per account (lib/rate-limit).
        const ip = clientIp(req?.headers);
        const guard = (await panelLimits()).signIn;
        const throttle = await guard.check(parsed.data.email, ip);
        // The same answer for an unknown email: failures count for any address typed.
        if (!throttle.allowed) throw new Error(tooManyMessage(throttle.retryAfterSeconds));
        const db = await getDb();
        const user = await db.user.findUnique({
          where: { email: parsed.data.email },
          omit: { passwordHash: false },
        });
        // Same work whether or not the email exists, so the answer does not reveal it.
        if (!user) {
          await burnPasswordCheck(parsed.data.password);
          await guard.recordFailure(parsed.data.email, ip);
          return null;
        }
        if (!(await verifyPassword(user.passwordHash, parsed.data.password))) {
          await guard.recordFailure(parsed.data.email, ip);
          return null;
        }
        if (user.status !== "active") return null;
        if (user.totpEnabledAt) {
          // The password was right; the code is the second step (and guessing it counts as a failure).
          if (!parsed.data.code) throw new Error(SIGN_IN_ERRORS.codeRequired);
          if (!(await verifySignInCode(db, user.id, parsed.data.code))) {
            await guard.recordFailure(parsed.data.email, ip);
            throw new Error(SIGN_IN_ERRORS.codeInvalid);
          }
        }
        await guard.recordSuccess(parsed.data.email, ip);
        return { id: String(user.id), email: user.email, role: user.role, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  events: {
    // The cookie is cleared by next-auth; revoking makes a copy of it worthless too.
    async signOut({ token }) {
      await revokeSession(await getDb(), token);
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.role = user.role;
        token.sv = user.sessionVersion;
        token.since = token.seen = Date.now();
      }
      return token;
    },
    session({ session, token }) {
      session.user = { id: token.uid ?? 0, email: token.email ?? "", role: token.role ?? "customer" };
      return session;
    },
  },
};
