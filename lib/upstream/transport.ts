// One HTTP exchange with an upstream panel: form body out, status + text back, with a hard
// deadline, the egress rules of egress.ts (no private, loopback or metadata addresses; https in
// production) and a cap on the answer's size (UPSTREAM_MAX_BODY_BYTES, default 10 MB). Nothing
// here decides what the answer means (see response.ts) or retries (client.ts).
import http from "node:http";
import https from "node:https";
import { EgressRefused, egressPolicyFromEnv, guardedLookup, urlRefusal, type EgressPolicy } from "./egress";
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
  /** Tests may swap the transport; by default requests go through guardedPost (egress rules). */
  fetchImpl?: typeof fetch;
  /** Default: egressPolicyFromEnv() at the time of the call. */
  egress?: EgressPolicy;
  /** Used only to name the call in messages. */
  action: string;
};

export type ExchangeOutcome = { ok: true; answer: RawAnswer } | UpstreamFailure;

class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`answer larger than ${limit} bytes`);
  }
}

/** Posts the form; every way of not getting a full answer becomes an indeterminate failure. */
export async function exchangeForm(options: ExchangeOptions): Promise<ExchangeOutcome> {
  const { url, body, timeoutMs, action } = options;
  const policy = options.egress ?? egressPolicyFromEnv();
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return { ok: false, kind: "definite", message: `${action}: the provider URL is not a valid URL` };
  }
  // Refused before anything is sent, so the upstream certainly did nothing: definite.
  const refusal = urlRefusal(target, policy);
  if (refusal) return { ok: false, kind: "definite", message: `${action}: refused to connect: ${refusal}` };
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    // The deadline covers the body too: a server may send headers and then stall.
    const answer = options.fetchImpl
      ? await viaFetch(options.fetchImpl, target, body, controller.signal, policy.maxBodyBytes)
      : await guardedPost(target, body, controller.signal, policy);
    return { ok: true, answer };
  } catch (error) {
    if (error instanceof EgressRefused) return { ok: false, kind: "definite", message: `${action}: ${error.message}` };
    if (error instanceof BodyTooLarge) return { ok: false, kind: "indeterminate", message: `${action}: ${error.message}, not read` };
    const message = timedOut ? `${action}: no complete answer within ${timeoutMs} ms` : `${action}: ${describeNetworkError(error)}`;
    return { ok: false, kind: "indeterminate", message };
  } finally {
    clearTimeout(timer);
  }
}

const HEADERS = { "content-type": "application/x-www-form-urlencoded", accept: "application/json" };
const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };

/**
 * node:http with the egress rules applied in the socket's own DNS lookup (so the connection goes
 * to the address that was checked), no redirects (following one would turn the POST into a GET
 * or re-send it; neither is safe for `add`), and the body cut off at maxBodyBytes while streaming.
 */
function guardedPost(url: URL, body: URLSearchParams, signal: AbortSignal, policy: EgressPolicy): Promise<RawAnswer> {
  const payload = body.toString();
  const transport = url.protocol === "https:" ? https : http;
  return new Promise<RawAnswer>((resolve, reject) => {
    const request = transport.request(
      url,
      {
        method: "POST",
        headers: { ...HEADERS, "content-length": Buffer.byteLength(payload) },
        agent: url.protocol === "https:" ? agents.https : agents.http,
        lookup: guardedLookup(policy),
        signal,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > policy.maxBodyBytes) {
            request.destroy(new BodyTooLarge(policy.maxBodyBytes));
            return;
          }
          chunks.push(chunk);
        });
        response.on("end", () =>
          resolve({
            httpStatus: response.statusCode ?? 0,
            bodyText: stripBom(Buffer.concat(chunks).toString("utf8")),
            retryAfterMs: parseRetryAfter(headerText(response.headers["retry-after"])),
          }),
        );
        response.on("error", reject);
        response.on("aborted", () => reject(new Error("the answer was cut off")));
      },
    );
    request.on("error", reject);
    request.end(payload);
  });
}

/** An injected fetch (tests): the same size cap, read chunk by chunk. */
async function viaFetch(fetchImpl: typeof fetch, url: URL, body: URLSearchParams, signal: AbortSignal, limit: number): Promise<RawAnswer> {
  const response = await fetchImpl(url, { method: "POST", headers: HEADERS, body, signal, redirect: "manual" });
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new BodyTooLarge(limit);
    }
    chunks.push(value);
  }
  return {
    httpStatus: response.status,
    bodyText: stripBom(Buffer.concat(chunks).toString("utf8")),
    retryAfterMs: parseRetryAfter(response.headers.get("retry-after")),
  };
}

const stripBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
const headerText = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] ?? null : value ?? null);

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
