// The audit log as staff read it: newest first, filtered by who, what, which entity and when (UTC
// days), one bounded page at a time, with each row's before/after turned into a field list.
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/connection";
import type { Prisma } from "@/lib/db/generated/client";
import { assertStaff, type StaffActor } from "@/lib/admin/authorize";
import { changesOf } from "./audit-changes";

export type { AuditChange } from "./audit-changes";

export const AUDIT_PAGE_SIZE = 50;

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);
const text = (max: number) => z.preprocess(blank, z.string().trim().max(max).optional()).catch(undefined);
const utcDay = z.preprocess(blank, z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`))).optional()).catch(undefined);

export const ZAuditFilters = z.object({
  /** An email (part of one) or an account id. */
  actor: text(254),
  /** An action or its prefix: "funds." finds credits and debits. */
  action: text(100),
  entityType: text(50),
  entityId: text(100),
  from: utcDay,
  to: utcDay,
  page: z.preprocess(blank, z.coerce.number().int().min(1).max(100_000).default(1)).catch(1),
});
export type AuditFilters = z.input<typeof ZAuditFilters>;

/** What the filters offer; rows may hold others (a new action needs no change here). */
export const AUDIT_ENTITY_TYPES = ["User", "Order", "Provider", "Service", "Product", "PriceRule", "payment", "payment_method"] as const;

const dayStart = (day: string, plus = 0) => new Date(Date.parse(`${day}T00:00:00Z`) + plus * 86_400_000);

export async function listAuditLog(db: Db, actor: StaffActor, input: AuditFilters = {}) {
  assertStaff(actor);
  const f = ZAuditFilters.parse(input);
  const actorId = f.actor && /^\d{1,10}$/.test(f.actor) && Number(f.actor) <= 2_147_483_647 ? Number(f.actor) : null;
  const where: Prisma.AuditLogWhereInput = {
    ...(f.actor ? (actorId !== null ? { actorId } : { actor: { email: { contains: f.actor, mode: "insensitive" } } }) : {}),
    ...(f.action ? { action: { startsWith: f.action } } : {}),
    // Areas name entities by their model ("Service") or in lower case ("payment"): either matches.
    ...(f.entityType ? { entityType: { equals: f.entityType, mode: "insensitive" } } : {}),
    ...(f.entityId ? { entityId: f.entityId } : {}),
    ...(f.from || f.to ? { createdAt: { ...(f.from ? { gte: dayStart(f.from) } : {}), ...(f.to ? { lt: dayStart(f.to, 1) } : {}) } } : {}),
  };
  const [rows, total] = await Promise.all([
    db.auditLog.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (f.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: { id: true, createdAt: true, action: true, entityType: true, entityId: true, before: true, after: true, reason: true, actor: { select: { id: true, email: true } } },
    }),
    db.auditLog.count({ where }),
  ]);
  return {
    rows: rows.map(({ id, before, after, ...row }) => ({ ...row, id: id.toString(), changes: changesOf(before, after) })),
    total,
    page: f.page,
    pageSize: AUDIT_PAGE_SIZE,
    filters: f,
  };
}
export type AuditRow = Awaited<ReturnType<typeof listAuditLog>>["rows"][number];
