// Sending one message over SMTP (nodemailer), configured by SMTP_URL (smtp://user:pass@host:port,
// smtps://… for TLS from the first byte) and MAIL_FROM. Timeouts are short and a whole send has a
// deadline well inside the outbox lease, so a hanging server costs one attempt, never a stuck
// message, and no other drainer can claim a message while its send may still be under way.
import nodemailer from "nodemailer";
import type { RenderedMail } from "./templates";

export type OutgoingMail = RenderedMail & { to: string };

export type MailTransport = {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
};

/** A refusal from the SMTP server: `permanent` for 5xx replies (retrying cannot help). */
export class MailSendError extends Error {
  constructor(message: string, readonly permanent: boolean) {
    super(message);
  }
}

export const SEND_DEADLINE_MS = 60_000;

export function smtpTransport(smtpUrl: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport(smtpUrl, {
    from,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  return {
    async send(mail) {
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new MailSendError(`no answer from the SMTP server within ${SEND_DEADLINE_MS / 1000} s`, false)), SEND_DEADLINE_MS);
      });
      try {
        await Promise.race([transporter.sendMail({ to: mail.to, subject: mail.subject, text: mail.text, html: mail.html }), deadline]);
      } catch (error) {
        if (error instanceof MailSendError) throw error;
        const { responseCode, message } = error as { responseCode?: number; message?: string };
        const permanent = typeof responseCode === "number" && responseCode >= 500 && responseCode < 600;
        throw new MailSendError(describe(message ?? String(error)), permanent);
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => transporter.close(),
  };
}

/** The error for staff eyes: one line, no credentials (nodemailer does not echo the URL, but be sure). */
function describe(message: string): string {
  return message.replace(/\/\/[^@/\s]*@/g, "//***@").replace(/\s+/g, " ").slice(0, 300);
}
