// The demo's mailbox: `npm run demo` runs a local SMTP server (lib/mail/testing/smtp-sink.ts) that
// writes each message it receives as JSON into MAIL_SINK_DIR; /admin/mail shows them in full, so a
// newcomer can open the reset or confirmation email. Never set in production: the messages hold
// working links.
import fs from "node:fs/promises";
import path from "node:path";
import type { ReceivedMail } from "./testing/smtp-sink";

export type SinkMessage = Omit<ReceivedMail, "receivedAt"> & { receivedAt: string; file: string };

export async function writeSinkMessage(dir: string, mail: ReceivedMail): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  const name = `${mail.receivedAt.toISOString().replace(/[:.]/g, "-")}-${Math.random().toString(36).slice(2, 8)}.json`;
  await fs.writeFile(path.join(dir, name), JSON.stringify({ ...mail, receivedAt: mail.receivedAt.toISOString() }), { mode: 0o600 });
}

/** The newest `limit` messages, newest first (nothing when the folder does not exist yet). */
export async function readSinkMessages(dir: string, limit = 20): Promise<SinkMessage[]> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const newest = names.filter((name) => name.endsWith(".json")).sort().reverse().slice(0, limit);
  return Promise.all(newest.map(async (file) => ({ ...(JSON.parse(await fs.readFile(path.join(dir, file), "utf8")) as Omit<SinkMessage, "file">), file })));
}
