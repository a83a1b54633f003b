// Sends pending Telegram digests through the Bot API's sendMessage (plain fetch; TELEGRAM_API_BASE
// lets tests use a local server). A message is claimed by one conditional update (pending → sending,
// with a lease), so two workers never send the same row; sent rows stay sent. A failure the Bot API
// calls final (400/403: wrong chat, bot blocked) fails the row; anything else is retried with
// backoff up to MAX_ATTEMPTS. A worker that dies between the API's answer and marking the row
// leaves it "sending"; once the lease ends it is tried again — the one case where a chat could
// get a digest twice, chosen over losing it.
import { config } from "@/lib/config";
import type { Db } from "@/lib/db/connection";

const MAX_ATTEMPTS = 6;
const LEASE_MS = 2 * 60_000;
const TIMEOUT_MS = 10_000;
const BATCH = 20;

export type TelegramTally = { sent: number; retried: number; failed: number };

type Answer = { ok: true } | { ok: false; final: boolean; error: string };

async function sendMessage(token: string, chatId: string, text: string): Promise<Answer> {
  const base = config().TELEGRAM_API_BASE.replace(/\/+$/, "");
  try {
    const response = await fetch(`${base}/bot${token}/sendMessage`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ chat_id: chatId, text, disable_web_page_preview: true }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const body = (await response.json().catch(() => null)) as { ok?: boolean; description?: string } | null;
    if (response.ok && body?.ok) return { ok: true };
    const error = `${response.status} ${body?.description ?? "no description"}`.slice(0, 500);
    return { ok: false, final: response.status === 400 || response.status === 403 || response.status === 404, error };
  } catch (error) {
    return { ok: false, final: false, error: (error as Error).message.slice(0, 500) };
  }
}

export async function sendPendingTelegrams(db: Db, now = new Date()): Promise<TelegramTally> {
  const tally: TelegramTally = { sent: 0, retried: 0, failed: 0 };
  const token = config().TELEGRAM_BOT_TOKEN;
  if (!token) return tally;
  const due = await db.telegramMessage.findMany({
    where: { OR: [{ state: "pending", nextAttemptAt: { lte: now } }, { state: "sending", leaseUntil: { lt: now } }] },
    orderBy: { id: "asc" },
    take: BATCH,
    select: { id: true, state: true, chatId: true, attempts: true, leaseUntil: true, digest: { select: { text: true } } },
  });
  for (const message of due) {
    const claimed = await db.telegramMessage.updateMany({
      where: { id: message.id, state: message.state, leaseUntil: message.leaseUntil, attempts: message.attempts },
      data: { state: "sending", leaseUntil: new Date(now.getTime() + LEASE_MS), attempts: { increment: 1 } },
    });
    if (claimed.count === 0) continue;
    const answer = await sendMessage(token, message.chatId, `Panel alerts\n${message.digest.text}`);
    const attempts = message.attempts + 1;
    if (answer.ok) {
      await db.telegramMessage.update({ where: { id: message.id }, data: { state: "sent", sentAt: new Date(), leaseUntil: null, lastError: null } });
      tally.sent++;
    } else if (answer.final || attempts >= MAX_ATTEMPTS) {
      await db.telegramMessage.update({ where: { id: message.id }, data: { state: "failed", leaseUntil: null, lastError: answer.error } });
      tally.failed++;
    } else {
      const backoff = Math.min(60 * 60_000, 30_000 * 2 ** (attempts - 1));
      await db.telegramMessage.update({
        where: { id: message.id },
        data: { state: "pending", leaseUntil: null, lastError: answer.error, nextAttemptAt: new Date(now.getTime() + backoff) },
      });
      tally.retried++;
    }
  }
  return tally;
}
