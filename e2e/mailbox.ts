// What the app emailed, read from the local SMTP sink's folder (scripts/test/run-e2e.ts starts the
// sink and gives the app SMTP_URL; the app's in-process worker sends from the outbox).
import { expect } from "@playwright/test";
import { readSinkMessages, type SinkMessage } from "../lib/mail/demo-sink";

/** The newest such email, once at least `count` of them have arrived (a resent link replaces the older one). */
export async function mailTo(email: string, subject: string, count = 1): Promise<SinkMessage> {
  const dir = process.env.MAIL_SINK_DIR;
  if (!dir) throw new Error("MAIL_SINK_DIR is not set: run browser tests through scripts/test/run-e2e.ts");
  let found: SinkMessage[] = [];
  await expect
    .poll(async () => {
      found = (await readSinkMessages(dir, 500)).filter((mail) => mail.to === email && mail.subject === subject);
      return found.length;
    }, { message: `${count} email(s) "${subject}" to ${email}`, timeout: 20_000 })
    .toBeGreaterThanOrEqual(count);
  return found[0];
}

/** The first link to `path` in a message's text part. */
export function linkIn(mail: SinkMessage, path: string): string {
  const match = new RegExp(`https?://\\S+${path}\\?token=[A-Za-z0-9_-]+`).exec(mail.text);
  if (!match) throw new Error(`no ${path} link in:\n${mail.text}`);
  return match[0];
}
