// One HTTP exchange with an upstream panel: form body out, status + text back, with a hard
// deadline. Nothing here decides what the answer means (see response.ts) or retries (client.ts).
import type { UpstreamFailure } from "./types";

export type FormValue = string | number | undefined;
export type FormFields = Record<string, FormValue>;

/** The body every panel of this protocol expects; undefined fields are left out entirely. */
export function buildFormBody(key: string, action: string, fields: FormFields = {}): URLSearchParams {
  const body = new URLSearchParams();
  body.set("key", key);
  body.set("action", action);
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined) body.set(name, String(value));
  }
  return body;
}

export type RawAnswer = { httpStatus: number; bodyText: string; retryAfterMs: number | null };

export type ExchangeOptions = {
  url: string;
  body: URLSearchParams;
  timeoutMs: number;
  fetchImpl: typeof fetch;
  /** Used only to name the call in messages. */
  action: string;
};

export type ExchangeOutcome = { ok: true; answer: RawAnswer } | UpstreamFailure;

/** Posts the form; every way of not getting a full answer becomes an indeterminate failure. */
export async function exchangeForm(options: ExchangeOptions): Promise<ExchangeOutcome> {
  const { url, body, timeoutMs, fetchImpl, action } = options;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    const response = await fetchImpl(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body,
      signal: controller.signal,
      // Following a redirect would turn the POST into a GET or re-send it; neither is safe for `add`.
      redirect: "manual",
    });
    // The deadline covers the body too: a server may send headers and then stall.
    const bodyText = await response.text();
    return {
      ok: true,
      answer: { httpStatus: response.status, bodyText, retryAfterMs: parseRetryAfter(response.headers.get("retry-after")) },
    };
  } catch (error) {
    const message = timedOut ? `${action}: no complete answer within ${timeoutMs} ms` : `${action}: ${describeNetworkError(error)}`;
    return { ok: false, kind: "indeterminate", message };
  } finally {
    clearTimeout(timer);
  }
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}

/** undici hides the useful part (ECONNRESET, "other side closed") in `cause`. */
function describeNetworkError(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    if (typeof current === "object") {
      const { code, message } = current as { code?: unknown; message?: unknown };
      const text = [typeof code === "string" ? code : "", typeof message === "string" ? message : ""].filter(Boolean).join(" ");
      if (text && !parts.includes(text)) parts.push(text);
      current = (current as { cause?: unknown }).cause;
    } else {
      parts.push(String(current));
      break;
    }
  }
  return `connection failed (${parts.join(": ") || "unknown error"})`;
}

/**
 * Removes the API key from any text that may reach a log or a person, including its
 * URL-encoded form (it travels in a form body, and some panels echo the request back).
 */
export function scrubSecret(text: string, secret: string): string {
  if (!secret) return text;
  let scrubbed = text.split(secret).join("[redacted]");
  const encoded = encodeURIComponent(secret);
  if (encoded !== secret) scrubbed = scrubbed.split(encoded).join("[redacted]");
  return scrubbed;
}
