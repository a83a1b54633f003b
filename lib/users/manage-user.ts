// An admin suspends, reactivates or changes the role of an account; both end its sessions. Audited.
import type { Db } from "@/lib/db/connection";
import { recordAudit } from "@/lib/audit/record-audit";
import { fail, type Failure } from "@/lib/result";
import type { Role } from "./create-user";

export type ManageResult = { ok: true } | Failure;

/** Suspends or reactivates an account (admins only); its existing sessions end at their next request. */
export async function setUserStatus(
  db: Db,
  actor: { id: number; role: Role },
  userId: number,
  status: "active" | "suspended",
): Promise<ManageResult> {
  // Staff are read-only (issue 12): suspending is a change, so it is an admin's.
  if (actor.role !== "admin") return fail("not_allowed", "Only an admin can do this.");
  if (actor.id === userId) return fail("not_allowed", "You cannot change your own account's status.");
  const target = await db.user.findUnique({ where: { id: userId }, select: { status: true } });
  if (!target) return fail("not_found", "No such user.");
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { status, sessionVersion: { increment: 1 } } });
    const action = status === "suspended" ? "user.suspend" : "user.reactivate";
    await recordAudit(tx, { actorId: actor.id, action, entityType: "User", entityId: userId, before: { status: target.status }, after: { status } });
  });
  return { ok: true };
}

/** Changes an account's role (admins only); its existing sessions end at their next request. */
export async function setUserRole(db: Db, actor: { id: number; role: Role }, userId: number, role: Role): Promise<ManageResult> {
  if (actor.role !== "admin") return fail("not_allowed", "Only an admin can change roles.");
  if (actor.id === userId) return fail("not_allowed", "You cannot change your own role.");
  return db.$transaction(async (tx): Promise<ManageResult> => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
    if (!before) return fail("not_found", "No such user.");
    await tx.user.update({ where: { id: userId }, data: { role, sessionVersion: { increment: 1 } } });
    await recordAudit(tx, { actorId: actor.id, action: "user.set_role", entityType: "User", entityId: userId, before, after: { role } });
    return { ok: true };
  });
}
