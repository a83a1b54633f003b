// Draining the outbox: claim due messages with FOR UPDATE SKIP LOCKED and a lease (as the order
// worker claims orders, lib/jobs/claim-orders.ts), send each, record the outcome. Several drainers
// (worker processes) run side by side without waiting on each other and never hold one message at
// once: a claimed message is leased far longer than a send may take (SEND_DEADLINE_MS), and the
// outcome is written only by the lease's owner.
//
// Delivery is at least once: a drainer that dies after the SMTP server accepted a message but
// before writing "sent" leaves it to be claimed again when the lease ends (SMTP has no way to ask
// "did you get this?"). Failures back off 30 s, 1 min, 2 min … (at most 1 h); after MAX attempts, or
// at once on a permanent (5xx) refusal, the message is dead: staff see it on /admin/mail and may
// send it again.
import type { Db } from "@/lib/db/connection";
import { SEND_DEADLINE_MS, type MailTransport } from "./transport";

export const MAIL_MAX_ATTEMPTS = 8;
export const MAIL_LEASE_MS = 5 * SEND_DEADLINE_MS;

export function mailRetryAt(now: Date, attempts: number): Date {
  const wait = Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
  return new Date(now.getTime() + wait);
}

type Claimed = { id: number; to: string; subject: string; text: string | null; html: string | null; attempts: number };

export type DrainReport = { sent: number; failed: number; dead: number; claimed: number };

export type DrainOptions = {
  transport: MailTransport;
  owner: string;
  now?: Date;
  limit?: number;
  leaseMs?: number;
  maxAttempts?: number;
  /** Only recipients ending with this (test files that share one database each drain their own). */
  recipientSuffix?: string;
};

export async function claimDueMail(db: Db, owner: string, now: Date, limit: number, leaseMs: number, recipientSuffix = ""): Promise<Claimed[]> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  return db.$queryRaw<Claimed[]>`
    UPDATE "MailMessage" SET "leaseUntil" = ${leaseUntil}, "leaseOwner" = ${owner}, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM "MailMessage"
      WHERE state = 'pending' AND "nextAttemptAt" <= ${now}
        AND ("leaseUntil" IS NULL OR "leaseUntil" < ${now})
        AND right("to", ${recipientSuffix.length}) = ${recipientSuffix}
      ORDER BY "nextAttemptAt", id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, "to", subject, text, html, attempts`;
}

/** One pass: claims up to `limit` due messages and sends them one after another. */
export async function drainOutbox(db: Db, options: DrainOptions): Promise<DrainReport> {
  const now = options.now ?? new Date();
  const maxAttempts = options.maxAttempts ?? MAIL_MAX_ATTEMPTS;
  const claimed = await claimDueMail(db, options.owner, now, options.limit ?? 20, options.leaseMs ?? MAIL_LEASE_MS, options.recipientSuffix);
  const report: DrainReport = { sent: 0, failed: 0, dead: 0, claimed: claimed.length };
  for (const message of claimed) {
    const mine = { id: message.id, leaseOwner: options.owner, state: "pending" as const };
    if (message.text === null || message.html === null) {
      await db.mailMessage.updateMany({ where: mine, data: { state: "dead", lastError: "The message has no body.", leaseUntil: null } });
      report.dead++;
      continue;
    }
    try {
      await options.transport.send({ to: message.to, subject: message.subject, text: message.text, html: message.html });
    } catch (error) {
      const permanent = (error as { permanent?: boolean }).permanent === true;
      const dead = permanent || message.attempts >= maxAttempts;
      const lastError = (error as Error).message || "send failed";
      const retryAt = mailRetryAt(now, message.attempts);
      await db.mailMessage.updateMany({
        where: mine,
        data: dead ? { state: "dead", lastError, leaseUntil: null } : { lastError, nextAttemptAt: retryAt, leaseUntil: null },
      });
      if (dead) report.dead++;
      else report.failed++;
      continue;
    }
    // A message that carried a link or code keeps no body once it left (see outbox.ts).
    await db.$executeRaw`
      UPDATE "MailMessage"
      SET state = 'sent', "sentAt" = now(), "leaseUntil" = NULL, "lastError" = NULL,
          text = CASE WHEN secret THEN NULL ELSE text END, html = CASE WHEN secret THEN NULL ELSE html END
      WHERE id = ${message.id} AND "leaseOwner" = ${options.owner} AND state = 'pending'`;
    report.sent++;
  }
  return report;
}
