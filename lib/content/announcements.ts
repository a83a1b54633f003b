// Announcements staff write for the customer dashboard (Markdown, rendered safely). Staff and
// admins may post and withdraw them: they say things to customers, they move no money or config.
import { z } from "zod";
import { assertStaff, type StaffActor } from "@/lib/admin/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/connection";
import { moneyTransaction } from "@/lib/ledger/transaction";
import { fail, type Failure } from "@/lib/result";

/** The dashboard shows the newest few; older ones stay in the staff list. */
export const DASHBOARD_ANNOUNCEMENTS = 3;
const STAFF_LIST = 50;

export const ZAnnouncementInput = z.object({
  title: z.string().trim().min(1, "Give it a title.").max(200, "At most 200 characters."),
  body: z.string().trim().min(1, "Write the announcement.").max(10_000, "At most 10,000 characters."),
});
export const ZAnnouncementIdInput = z.object({ id: z.coerce.number().int().positive() });

export type AnnouncementView = { id: number; title: string; body: string; published: boolean; createdAt: Date };
const SELECT = { id: true, title: true, body: true, published: true, createdAt: true } as const;

export function dashboardAnnouncements(db: Db): Promise<AnnouncementView[]> {
  return db.announcement.findMany({ where: { published: true }, orderBy: { createdAt: "desc" }, take: DASHBOARD_ANNOUNCEMENTS, select: SELECT });
}

export function staffAnnouncements(db: Db, actor: StaffActor): Promise<AnnouncementView[]> {
  assertStaff(actor);
  return db.announcement.findMany({ orderBy: { createdAt: "desc" }, take: STAFF_LIST, select: SELECT });
}

export async function postAnnouncement(db: Db, actor: StaffActor, input: z.output<typeof ZAnnouncementInput>): Promise<{ ok: true; id: number }> {
  assertStaff(actor);
  return moneyTransaction(db, async (tx) => {
    const created = await tx.announcement.create({ data: { ...input, authorId: actor.id }, select: { id: true } });
    await recordAudit(tx, { actorId: actor.id, action: "announcement.post", entityType: "announcement", entityId: created.id, after: { title: input.title } });
    return { ok: true as const, id: created.id };
  });
}

export async function withdrawAnnouncement(db: Db, actor: StaffActor, id: number): Promise<{ ok: true } | Failure> {
  assertStaff(actor);
  return moneyTransaction(db, async (tx) => {
    const moved = await tx.announcement.updateMany({ where: { id, published: true }, data: { published: false } });
    if (moved.count === 0) return fail("not_found", "Announcement not found.");
    await recordAudit(tx, { actorId: actor.id, action: "announcement.withdraw", entityType: "announcement", entityId: id });
    return { ok: true as const };
  });
}
