// A real SMTP server in-process (smtp-server) that parses what it receives (mailparser): the tests'
// and the demo's mailbox. `failWith` makes it refuse messages (a 4xx or 5xx reply), `hang` makes
// it accept connections and never answer; both change while it runs.
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { to: string; from: string; subject: string; text: string; html: string; receivedAt: Date };

export type SmtpSink = {
  url: string;
  port: number;
  received: ReceivedMail[];
  /** Resolves with the next message to `to` (or one already received and not yet taken). */
  next(to: string): Promise<ReceivedMail>;
  failWith: { code: number; message: string } | null;
  close(): Promise<void>;
};

export async function startSmtpSink(options: { port?: number; onMail?: (mail: ReceivedMail) => void } = {}): Promise<SmtpSink> {
  const taken = new Set<ReceivedMail>();
  const waiters: { to: string; resolve: (mail: ReceivedMail) => void }[] = [];
  const sink: SmtpSink = {
    url: "",
    port: 0,
    received: [],
    failWith: null,
    next(to) {
      const ready = sink.received.find((mail) => mail.to === to && !taken.has(mail));
      if (ready) {
        taken.add(ready);
        return Promise.resolve(ready);
      }
      return new Promise((resolve) => waiters.push({ to, resolve }));
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      const refusal = sink.failWith;
      if (refusal) {
        stream.resume();
        stream.on("end", () => callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code })));
        return;
      }
      simpleParser(stream)
        .then((parsed) => {
          const to = Array.isArray(parsed.to) ? parsed.to[0]?.text : parsed.to?.text;
          const mail: ReceivedMail = {
            to: to ?? "",
            from: parsed.from?.text ?? "",
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : "",
            receivedAt: new Date(),
          };
          sink.received.push(mail);
          options.onMail?.(mail);
          const waiter = waiters.findIndex((w) => w.to === mail.to);
          if (waiter >= 0) {
            taken.add(mail);
            waiters.splice(waiter, 1)[0]!.resolve(mail);
          }
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const port = ((server as unknown as { server: { address(): AddressInfo } }).server.address()).port;
  sink.port = port;
  sink.url = `smtp://127.0.0.1:${port}`;
  return sink;
}
