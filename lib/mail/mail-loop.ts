// The worker's mail loop: a drain, a pause, again. It runs beside the order loop, not inside it,
// so that a slow SMTP server delays email only, never order syncing. Without SMTP_URL it sends
// nothing (messages wait in the outbox, and /admin/mail says why).
import crypto from "node:crypto";
import os from "node:os";
import { config } from "@/lib/config";
import { getDb, type Db } from "@/lib/db/connection";
import { drainOutbox } from "./drain-outbox";
import { smtpTransport, type MailTransport } from "./transport";

export type MailLoop = { stop(): Promise<void> };

export function mailOwner(): string {
  return `mail:${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString("hex")}`;
}

export function startMailLoop(options: { intervalMs?: number; db?: Db; transport?: MailTransport; log?: (line: string) => void } = {}): MailLoop {
  const { intervalMs = 3_000, log = () => {} } = options;
  const settings = config();
  const transport = options.transport ?? (settings.SMTP_URL ? smtpTransport(settings.SMTP_URL, settings.MAIL_FROM) : null);
  if (!transport) {
    log("SMTP_URL is not set: email waits in the outbox");
    return { stop: async () => {} };
  }
  const owner = mailOwner();
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let wake: (() => void) | null = null;
  const finished = (async () => {
    while (!stopped) {
      let more = false;
      try {
        const report = await drainOutbox(options.db ?? (await getDb()), { transport, owner });
        more = report.claimed === 20;
        if (report.claimed) log(`mail: ${report.sent} sent, ${report.failed} to retry, ${report.dead} dead`);
      } catch (error) {
        log(`mail pass failed: ${(error as Error).message}`);
      }
      if (stopped) break;
      if (more) continue;
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, intervalMs);
      });
    }
  })();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      wake?.();
      await finished;
      transport.close();
    },
  };
}
