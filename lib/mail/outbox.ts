// Writing to the outbox. An email is a row in "MailMessage", written with the change it reports
// (pass the transaction client as `db`, and the mail exists exactly when the change committed);
// the worker's mail loop (drain-outbox.ts) sends it later, so a slow or dead SMTP server never
// delays or fails a request. The message is rendered now, from the template registry, so that
// what a customer receives is what was true when it was written.
//
// Why a table of our own and not pg-boss or graphile-worker: both need a real PostgreSQL server
// (LISTEN/NOTIFY, their own schema, several connections) and would not run on the embedded PGlite
// the demo and development use; both enqueue through their own connection, outside the Prisma
// transaction that makes the change. One table with the order worker's claim (FOR UPDATE SKIP
// LOCKED + lease) gives retries, backoff, a dead letter and a staff view in ~200 lines.
import { config } from "@/lib/config";
import type { Tx } from "@/lib/ledger/transaction";
import { MAIL_TEMPLATES, renderMail, type MailTemplateData, type MailTemplateName } from "./templates";

export type EnqueueMailInput<Name extends MailTemplateName> = {
  to: string;
  template: Name;
  data: MailTemplateData<Name>;
  /** The same key is enqueued once; a second enqueue with it is a no-op (returns null). */
  dedupeKey?: string;
};

/**
 * Puts one message in the outbox; returns its id, or null when `dedupeKey` was already used.
 * `db` may be the Prisma client or a transaction client (then the message commits with it).
 */
export async function enqueueMail<Name extends MailTemplateName>(db: Tx, input: EnqueueMailInput<Name>): Promise<number | null> {
  const template = MAIL_TEMPLATES[input.template] as { secret: boolean; render(data: MailTemplateData<Name>): Parameters<typeof renderMail>[0] };
  const rendered = renderMail(template.render(input.data));
  const row = {
    to: input.to,
    template: input.template,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    secret: template.secret,
    dedupeKey: input.dedupeKey ?? null,
  };
  if (!input.dedupeKey) return (await db.mailMessage.create({ data: row, select: { id: true } })).id;
  // ON CONFLICT DO NOTHING rather than catching a unique violation: inside a transaction a failed
  // INSERT would abort the whole transaction.
  const inserted = await db.$queryRaw<{ id: number }[]>`
    INSERT INTO "MailMessage" ("to", template, subject, text, html, secret, "dedupeKey")
    VALUES (${row.to}, ${row.template}, ${row.subject}, ${row.text}, ${row.html}, ${row.secret}, ${row.dedupeKey})
    ON CONFLICT ("dedupeKey") DO NOTHING
    RETURNING id`;
  return inserted[0]?.id ?? null;
}

/** An absolute link into the panel for an email (NEXTAUTH_URL, else http://localhost:3000). */
export function panelLink(path: string, params?: Record<string, string>): string {
  const base = (config().NEXTAUTH_URL || "http://localhost:3000").replace(/\/+$/, "");
  const query = params ? `?${new URLSearchParams(params).toString()}` : "";
  return `${base}${path}${query}`;
}

