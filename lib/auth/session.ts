import "server-only";
import { notFound, redirect } from "next/navigation";
import { getDb } from "@/lib/db/client";
import type { JWT } from "next-auth/jwt";
import type { Db } from "@/lib/db/connection";
import { sessionExpiry } from "./session-lifetime";
import { getToken } from "./token";
import { twoFactorRequired } from "./two-factor";

export type SessionUser = {
  id: number;
  email: string;
  name: string | null;
  role: "customer" | "staff" | "admin";
  /** Admins must set up two-factor sign-in first (ADMIN_TWO_FACTOR=required) before using admin pages and actions. */
  needsTwoFactorSetup: boolean;
  /** The email is confirmed (until then the account can sign in but not order or pay). */
  emailVerified: boolean;
};

/**
 * The signed-in user, re-checked against the database on every call: a session whose
 * sessionVersion is older than the row's (signed out, password, role or status changed), that sat
 * idle too long, or whose user is suspended counts as signed out.
 */
export async function getSessionUser(): Promise<SessionUser | null> {
  const token = await getToken();
  return token ? sessionUserOf(await getDb(), token) : null;
}

export async function sessionUserOf(db: Db, token: JWT, now = Date.now()): Promise<SessionUser | null> {
  if (!token.uid || sessionExpiry(token, now)) return null;
  const user = await db.user.findUnique({
    where: { id: token.uid },
    select: { id: true, email: true, name: true, role: true, status: true, sessionVersion: true, totpEnabledAt: true, emailVerifiedAt: true },
  });
  if (!user || user.status !== "active" || user.sessionVersion !== token.sv) return null;
  const needsTwoFactorSetup = twoFactorRequired(user) && !user.totpEnabledAt;
  return { id: user.id, email: user.email, name: user.name, role: user.role, needsTwoFactorSetup, emailVerified: user.emailVerifiedAt !== null };
}

export function isStaff(user: SessionUser | null): boolean {
  return user?.role === "staff" || user?.role === "admin";
}

/** For pages: a signed-out visitor goes to sign-in. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  return user;
}

/** For admin pages: customers get the same answer as for a page that does not exist. */
export async function requireStaff(): Promise<SessionUser> {
  const user = await requireUser();
  if (!isStaff(user)) notFound();
  if (user.needsTwoFactorSetup) redirect("/account?two-factor=required");
  return user;
}
