// Owner alerts are batched: every alert goes into one digest, and at most one digest is made per
// ALERT_DIGEST_MINUTES, so a storm of fifty unknown orders is one message. Seeing the facts,
// recording them and making a digest is one transaction under an advisory lock (two workers run it
// one after the other: the second finds the digest too recent and its alerts already in it);
// the digest's deliveries are written in that same transaction — one email per staff member in the
// mail outbox (dedupe key per digest and person) and one TelegramMessage per chat
// (unique (digestId, userId)) — so each is delivered once, whichever worker sends it.
import { config } from "@/lib/config";
import type { Db } from "@/lib/db/connection";
import { moneyTransaction, type Tx } from "@/lib/ledger/transaction";
import { enqueueMail, panelLink } from "@/lib/mail/outbox";
import { collectAlerts, type AlertFact } from "./collect-alerts";

/** Records what is true now: new facts become alerts, facts gone are resolved, returning ones start again. */
async function recordAlerts(tx: Tx, facts: AlertFact[], now: Date): Promise<void> {
  for (const fact of facts) {
      await tx.$executeRaw`
        INSERT INTO "OwnerAlert" (key, text, "firstSeenAt", "lastSeenAt") VALUES (${fact.key}, ${fact.text}, ${now}, ${now})
        ON CONFLICT (key) DO UPDATE SET text = EXCLUDED.text, "lastSeenAt" = EXCLUDED."lastSeenAt",
          "firstSeenAt" = CASE WHEN "OwnerAlert"."resolvedAt" IS NULL THEN "OwnerAlert"."firstSeenAt" ELSE EXCLUDED."firstSeenAt" END,
          "digestId" = CASE WHEN "OwnerAlert"."resolvedAt" IS NULL THEN "OwnerAlert"."digestId" ELSE NULL END,
          "resolvedAt" = NULL`;
    }
    await tx.ownerAlert.updateMany({ where: { resolvedAt: null, key: { notIn: facts.map((f) => f.key) } }, data: { resolvedAt: now } });
}

export type DigestOutcome = { digestId: number; alerts: number; emails: number; telegrams: number } | null;

/**
 * Sees the facts and records them; then one digest of every alert not yet in one, unless the
 * last digest is younger than the window.
 */
export async function recordAndDigestAlerts(db: Db, now = new Date()): Promise<DigestOutcome> {
  const windowMs = config().ALERT_DIGEST_MINUTES * 60_000;
  const telegram = Boolean(config().TELEGRAM_BOT_TOKEN);
  return moneyTransaction(db, async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('owner-alert-digest'))`;
    await recordAlerts(tx, await collectAlerts(tx), now);
    const last = await tx.alertDigest.findFirst({ orderBy: { createdAt: "desc" }, select: { createdAt: true } });
    if (last && now.getTime() - last.createdAt.getTime() < windowMs) return null;
    const alerts = await tx.ownerAlert.findMany({ where: { digestId: null, resolvedAt: null }, orderBy: { firstSeenAt: "asc" }, select: { key: true, text: true } });
    if (alerts.length === 0) return null;
    const text = alerts.map((a) => `• ${a.text}`).join("\n");
    const digest = await tx.alertDigest.create({ data: { text, createdAt: now }, select: { id: true } });
    await tx.ownerAlert.updateMany({ where: { key: { in: alerts.map((a) => a.key) }, digestId: null }, data: { digestId: digest.id } });

    const staff = await tx.user.findMany({
      where: { role: { in: ["staff", "admin"] }, status: "active" },
      select: { id: true, email: true, notificationPrefs: { select: { ownerAlertsEmail: true, telegramChatId: true } } },
      orderBy: { id: "asc" },
    });
    let emails = 0;
    let telegrams = 0;
    for (const person of staff) {
      const prefs = person.notificationPrefs;
      if (prefs?.ownerAlertsEmail ?? true) {
        const queued = await enqueueMail(tx, {
          to: person.email,
          template: "owner-alerts",
          data: { lines: alerts.map((a) => a.text), url: panelLink("/admin") },
          dedupeKey: `owner-alerts:${digest.id}:${person.id}`,
        });
        if (queued !== null) emails++;
      }
      if (telegram && prefs?.telegramChatId) {
        await tx.telegramMessage.create({ data: { digestId: digest.id, userId: person.id, chatId: prefs.telegramChatId, nextAttemptAt: now } });
        telegrams++;
      }
    }
    return { digestId: digest.id, alerts: alerts.length, emails, telegrams };
  });
}
