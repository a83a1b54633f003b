// One pass of owner alerts, run by the worker: see what is true, record it and make a digest if
// one is due (digest.ts), then send the Telegram messages waiting. A digest's emails are in the
// mail outbox, which the worker's mail loop drains.
import type { Db } from "@/lib/db/connection";
import { recordAndDigestAlerts, type DigestOutcome } from "./digest";
import { sendPendingTelegrams, type TelegramTally } from "./telegram";

export async function runAlertPass(db: Db, now = new Date()): Promise<{ digest: DigestOutcome; telegram: TelegramTally }> {
  const digest = await recordAndDigestAlerts(db, now);
  const telegram = await sendPendingTelegrams(db, now);
  return { digest, telegram };
}
