import "server-only";
import { notFound, redirect } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { getToken } from "./token";

export type SessionUser = {
  id: number;
  email: string;
  name: string | null;
  role: "customer" | "staff" | "admin";
};

/**
 * The signed-in user, re-checked against the database on every call: a session whose
 * sessionVersion is older than the row's (password, role or status changed) or whose user is
 * suspended counts as signed out.
 */
export async function getSessionUser(): Promise<SessionUser | null> {
  const token = await getToken();
  if (!token?.uid) return null;
  const db = await getDb();
  const user = await db.user.findUnique({
    where: { id: token.uid },
    select: { id: true, email: true, name: true, role: true, status: true, sessionVersion: true },
  });
  if (!user || user.status !== "active" || user.sessionVersion !== token.sv) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
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
  return user;
}
