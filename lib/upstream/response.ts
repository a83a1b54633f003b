// What an upstream's answer means, before its shape is checked: a refusal, a transport
// failure, or a JSON value worth parsing. Kept apart from the client so that anything else
// speaking this protocol (our own /api/v2 tests, a second provider adapter) can reuse it.
import { scrubSecret } from "./transport";
import type { UpstreamResult } from "./types";

const SNIPPET_LENGTH = 80;

/** A short one-line excerpt of a body for messages; bodies can be whole HTML pages. */
export function bodySnippet(bodyText: string): string {
  const oneLine = bodyText.replace(/\s+/g, " ").trim();
  if (!oneLine) return "empty body";
  return oneLine.length > SNIPPET_LENGTH ? `${oneLine.slice(0, SNIPPET_LENGTH)}…` : oneLine;
}

/**
 * A body that is not a protocol answer may be anything (an intranet page, a metadata document):
 * it never goes into a message that staff see or that is stored on an order. A short, one-line,
 * printable excerpt goes to the server log for admins, with the API key scrubbed from it.
 */
function logBodyForAdmins(action: string, httpStatus: number, bodyText: string): void {
  const printable = bodySnippet(bodyText).replace(/[^\x20-\x7e]/g, "?");
  console.warn(`[upstream] ${action}: HTTP ${httpStatus}, unusable body: ${printable}`);
}

/** `{"error": "..."}` and nothing else: the protocol's way of saying no. */
export function refusalText(json: unknown): string | null {
  if (json === null || typeof json !== "object" || Array.isArray(json)) return null;
  const keys = Object.keys(json);
  if (keys.length !== 1 || keys[0] !== "error") return null;
  const error = (json as { error: unknown }).error;
  return typeof error === "string" ? error : JSON.stringify(error);
}

const NUMBER_LITERAL = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * JSON.parse, except that every number literal arrives as its exact source text (a string).
 * JSON.parse would turn `"charge": 12345678.123456789` into a float and lose digits; the
 * schemas accept numeric text wherever they accept numbers, so nothing else changes.
 * Anything that is not valid JSON stays invalid.
 */
export function parseJsonKeepingNumberText(text: string): unknown {
  const pieces: string[] = [];
  let copiedUpTo = 0;
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    if (char === '"') {
      // Skip the whole string literal, escapes included; numbers inside it are text already.
      index++;
      while (index < text.length && text[index] !== '"') index += text[index] === "\\" ? 2 : 1;
      index++;
      continue;
    }
    if (char === "-" || (char >= "0" && char <= "9")) {
      NUMBER_LITERAL.lastIndex = index;
      const literal = NUMBER_LITERAL.exec(text);
      if (literal) {
        pieces.push(text.slice(copiedUpTo, index), `"${literal[0]}"`);
        index += literal[0].length;
        copiedUpTo = index;
        continue;
      }
    }
    index++;
  }
  pieces.push(text.slice(copiedUpTo));
  return JSON.parse(pieces.join(""));
}

function parseJson(text: string): { ok: true; json: unknown } | { ok: false } {
  try {
    return { ok: true, json: parseJsonKeepingNumberText(text) };
  } catch {
    return { ok: false };
  }
}

/**
 * Reads the body whatever the HTTP status (panels put refusals in 200s and in 4xx alike).
 * A refusal under 429 or 5xx stays indeterminate: a rate limiter or a proxy wrote it, not the
 * panel's order logic, so it proves nothing about what happened behind it, and reads may retry.
 */
export function interpretUpstreamAnswer(
  answer: { httpStatus: number; bodyText: string },
  action: string,
  /** The API key, never written to the log even when a panel echoes the request back. */
  secret = "",
): UpstreamResult<unknown> {
  const { httpStatus, bodyText } = answer;
  const parsed = parseJson(bodyText);
  const transient = httpStatus === 429 || httpStatus >= 500;
  if (!parsed.ok) {
    logBodyForAdmins(action, httpStatus, scrubSecret(bodyText, secret));
    return { ok: false, kind: "indeterminate", httpStatus, message: `${action}: HTTP ${httpStatus} with a body that is not valid JSON` };
  }
  const refusal = refusalText(parsed.json);
  if (refusal !== null) {
    if (transient) return { ok: false, kind: "indeterminate", httpStatus, message: `${action}: HTTP ${httpStatus}: ${refusal}` };
    return { ok: false, kind: "definite", httpStatus, message: refusal };
  }
  if (httpStatus < 200 || httpStatus > 299) {
    logBodyForAdmins(action, httpStatus, scrubSecret(bodyText, secret));
    return { ok: false, kind: "indeterminate", httpStatus, message: `${action}: HTTP ${httpStatus}` };
  }
  return { ok: true, value: parsed.json };
}
