// The outbox for staff (/admin/mail): every message with its state, attempts and last error, and
// "send again" for a dead one. Bodies of messages that carry a link or code are never shown: a
// staff member must not be able to take over a customer's account from this page.
import { assertStaff, adminRefusal, type AdminResult, type StaffActor } from "@/lib/admin/authorize";
import type { Db } from "@/lib/db/connection";
import type { MailState } from "@/lib/db/generated/enums";
import { fail } from "@/lib/result";
import { boundedPage } from "@/lib/validation/page-number";

export const OUTBOX_PAGE_SIZE = 50;

export type OutboxRow = {
  id: number;
  to: string;
  template: string;
  subject: string;
  state: MailState;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date;
  sentAt: Date | null;
  createdAt: Date;
  /** The text part, unless the message carries a link or code (or was sent and dropped it). */
  text: string | null;
};

export async function listOutbox(db: Db, actor: StaffActor, filter: { state?: MailState; page?: number }) {
  assertStaff(actor);
  const where = filter.state ? { state: filter.state } : {};
  const page = boundedPage(filter.page);
  const [rows, total, counts] = await Promise.all([
    db.mailMessage.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (page - 1) * OUTBOX_PAGE_SIZE,
      take: OUTBOX_PAGE_SIZE,
      select: { id: true, to: true, template: true, subject: true, state: true, attempts: true, lastError: true, nextAttemptAt: true, sentAt: true, createdAt: true, text: true, secret: true },
    }),
    db.mailMessage.count({ where }),
    db.mailMessage.groupBy({ by: ["state"], _count: { _all: true } }),
  ]);
  return {
    page,
    total,
    counts: Object.fromEntries(counts.map((c) => [c.state, c._count._all])) as Partial<Record<MailState, number>>,
    rows: rows.map(({ secret, text, ...row }): OutboxRow => ({ ...row, text: secret ? null : text })),
  };
}

/** A dead message goes back to the queue with fresh attempts (admins only: staff are read-only). */
export async function retryDeadMail(db: Db, actor: StaffActor, id: number): Promise<AdminResult> {
  const refusal = adminRefusal(actor);
  if (refusal) return refusal;
  const { count } = await db.mailMessage.updateMany({
    where: { id, state: "dead", text: { not: null } },
    data: { state: "pending", attempts: 0, nextAttemptAt: new Date(), leaseUntil: null, leaseOwner: null },
  });
  return count ? { ok: true } : fail("not_found", "No dead message with a body to send again.");
}
