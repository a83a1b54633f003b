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
    select: { id: true, email: true, name: true, role: true, status: true, sessionVersion: true, totpEnabledAt: true },
  });
  if (!user || user.status !== "active" || user.sessionVersion !== token.sv) return null;
  const needsTwoFactorSetup = twoFactorRequired(user) && !user.totpEnabledAt;
  return { id: user.id, email: user.email, name: user.name, role: user.role, needsTwoFactorSetup };
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

export type StaffRefusal = { reason: "signed_out" | "not_allowed" | "two_factor_setup"; message: string };

/**
 * The one rule for everything staff, asked by the staff pages (requireStaff), route handlers
 * (staffRouteUser) and server actions (lib/actions/action-client.ts): signed in, the role, and,
 * with ADMIN_TWO_FACTOR=required, an admin's second factor set up. Null: let them in.
 */
export function staffRefusal(user: SessionUser | null, gate: "staff" | "admin" = "staff"): StaffRefusal | null {
  if (!user) return { reason: "signed_out", message: "Your session has ended. Sign in again." };
  if (gate === "admin" ? user.role !== "admin" : !isStaff(user)) return { reason: "not_allowed", message: "You are not allowed to do this." };
  if (user.needsTwoFactorSetup) return { reason: "two_factor_setup", message: "Set up two-factor sign-in on your account page first." };
  return null;
}

/** For admin pages: customers get the same answer as for a page that does not exist. */
export async function requireStaff(): Promise<SessionUser> {
  const user = await getSessionUser();
  const refused = staffRefusal(user);
  if (refused?.reason === "signed_out") redirect("/sign-in");
  if (refused?.reason === "not_allowed") notFound();
  if (refused) redirect("/account?two-factor=required");
  return user!;
}

const ROUTE_STATUS: Record<StaffRefusal["reason"], number> = { signed_out: 401, not_allowed: 403, two_factor_setup: 403 };

/** For staff route handlers: the user, or the JSON answer refusing them. */
export async function staffRouteUser(gate: "staff" | "admin" = "staff"): Promise<{ user: SessionUser; refusal?: never } | { refusal: Response; user?: never }> {
  const user = await getSessionUser();
  const refused = staffRefusal(user, gate);
  if (refused) return { refusal: Response.json({ error: refused.message }, { status: ROUTE_STATUS[refused.reason] }) };
  return { user: user! };
}
