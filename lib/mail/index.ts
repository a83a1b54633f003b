// Email (see outbox.ts for the design). Features call enqueueMail with a template from
// templates/index.ts; the worker runs startMailLoop; staff read the outbox through outbox-admin.ts.
export { enqueueMail, panelLink, type EnqueueMailInput } from "./outbox";
export { MAIL_TEMPLATES, defineTemplate, escapeHtml, type MailTemplateName, type MailTemplateData } from "./templates";
export { drainOutbox, MAIL_MAX_ATTEMPTS, type DrainReport } from "./drain-outbox";
export { smtpTransport, MailSendError, type MailTransport } from "./transport";
export { startMailLoop, type MailLoop } from "./mail-loop";
