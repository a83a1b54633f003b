// The registry of every email the panel sends. To add emails for a feature: a file beside this one
// exporting `{ "<name>": defineTemplate<Data>({ secret, render }) }` (see accounts.ts), spread into
// MAIL_TEMPLATES below. enqueueMail's `template` and `data` are then type-checked against it.
import { accountTemplates } from "./accounts";
import type { MailTemplate } from "./define";
import { notificationTemplates } from "./notifications";

export const MAIL_TEMPLATES = {
  ...accountTemplates,
  ...notificationTemplates,
};

export type MailTemplateName = keyof typeof MAIL_TEMPLATES;
export type MailTemplateData<Name extends MailTemplateName> = (typeof MAIL_TEMPLATES)[Name] extends MailTemplate<infer D> ? D : never;
export { defineTemplate, type MailTemplate } from "./define";
export { escapeHtml, renderMail, type MailContent, type RenderedMail } from "./layout";
