import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/db/client";
import { ZSignInInput } from "@/lib/users/schemas";
import { checkSignIn } from "./sign-in";
import { secureCookiesWanted } from "./cookies";
import { authSecret } from "./secret";
import { MAX_SESSION_SECONDS, revokeSession } from "./session-lifetime";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { panelLimits } from "@/lib/rate-limit/policies";

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
        const user = await checkSignIn(await getDb(), (await panelLimits()).signIn, parsed.data, clientIp(req?.headers));
        return user && { id: String(user.id), email: user.email, role: user.role, sessionVersion: user.sessionVersion };
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
