import type { Db } from "@/lib/db/connection";
import { boundedPage } from "@/lib/validation/page-number";
import type { Role } from "./create-user";

export type ManageResult = { ok: true } | { ok: false; error: string };

/** Suspends or reactivates an account (admins only); its existing sessions end at their next request. */
export async function setUserStatus(
  db: Db,
  actor: { id: number; role: Role },
  userId: number,
  status: "active" | "suspended",
): Promise<ManageResult> {
  // Staff are read-only (issue 12): suspending is a change, so it is an admin's.
  if (actor.role !== "admin") return { ok: false, error: "Only an admin can do this." };
  if (actor.id === userId) return { ok: false, error: "You cannot change your own account's status." };
  const updated = await db.user.updateMany({ where: { id: userId }, data: { status, sessionVersion: { increment: 1 } } });
  return updated.count ? { ok: true } : { ok: false, error: "No such user." };
}

/** Changes an account's role (admins only); its existing sessions end at their next request. */
export async function setUserRole(db: Db, actor: { id: number; role: Role }, userId: number, role: Role): Promise<ManageResult> {
  if (actor.role !== "admin") return { ok: false, error: "Only an admin can change roles." };
  if (actor.id === userId) return { ok: false, error: "You cannot change your own role." };
  const updated = await db.user.updateMany({ where: { id: userId }, data: { role, sessionVersion: { increment: 1 } } });
  return updated.count ? { ok: true } : { ok: false, error: "No such user." };
}

export async function listUsers(
  db: Db,
  actor: { role: Role },
  { query, page: rawPage, pageSize: rawPageSize = 50 }: { query?: string; page?: number; pageSize?: number },
) {
  const page = boundedPage(rawPage);
  const pageSize = Math.min(100, Math.max(1, Math.floor(rawPageSize) || 50));
  if (actor.role !== "admin" && actor.role !== "staff") throw new Error("Only staff can list users.");
  const where = query ? { email: { contains: query.toLowerCase() } } : {};
  const [users, total] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: { id: "asc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { id: true, email: true, name: true, role: true, status: true, balance: true, createdAt: true },
    }),
    db.user.count({ where }),
  ]);
  return { users: users.map((u) => ({ ...u, balance: u.balance.toString() })), total, page, pageSize };
}
