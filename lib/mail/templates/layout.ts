// The look shared by every email: plain text for any client, and a small HTML part with the same
// words. Templates build both from the same pieces (paragraphs, an optional button), so the two
// parts cannot say different things. Everything interpolated into HTML goes through escapeHtml.
export type RenderedMail = { subject: string; text: string; html: string };

export type MailContent = {
  subject: string;
  /** Opening line, e.g. "Hello," */
  greeting?: string;
  paragraphs: string[];
  /** A link the message is about, shown as a button in HTML and as a bare URL in text. */
  action?: { label: string; url: string };
  /** A one-time code shown large. */
  code?: string;
  /** Closing lines (why you got this, what to do if it was not you). */
  footer?: string[];
};

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

export function renderMail(content: MailContent, appName = "Reseller Panel"): RenderedMail {
  const text = [
    content.greeting,
    ...content.paragraphs,
    content.code ? `    ${content.code}` : undefined,
    content.action ? `${content.action.label}:\n${content.action.url}` : undefined,
    ...(content.footer ?? []),
    `— ${appName}`,
  ]
    .filter((part): part is string => Boolean(part))
    .join("\n\n");
  const p = (line: string, style = "") => `<p style="margin:0 0 16px;${style}">${escapeHtml(line)}</p>`;
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>
<body style="margin:0;padding:24px;background:#f8fafc;font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#0f172a;font-size:15px;line-height:1.5">
<div style="max-width:520px;margin:0 auto;background:#ffffff;border:1px solid #e2e8f0;border-radius:8px;padding:24px">
${content.greeting ? p(content.greeting) : ""}
${content.paragraphs.map((line) => p(line)).join("\n")}
${content.code ? p(content.code, "font-size:28px;font-weight:600;letter-spacing:6px;font-family:ui-monospace,monospace") : ""}
${
  content.action
    ? `<p style="margin:0 0 16px"><a href="${escapeHtml(content.action.url)}" style="display:inline-block;background:#4f46e5;color:#ffffff;text-decoration:none;padding:10px 16px;border-radius:6px;font-weight:600">${escapeHtml(content.action.label)}</a></p>
${p(`Or paste this address into your browser: ${content.action.url}`, "font-size:13px;color:#475569;word-break:break-all")}`
    : ""
}
${(content.footer ?? []).map((line) => p(line, "font-size:13px;color:#475569")).join("\n")}
<p style="margin:0;font-size:13px;color:#475569">— ${escapeHtml(appName)}</p>
</div></body></html>`;
  return { subject: content.subject, text, html };
}
