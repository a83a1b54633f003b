// The request's fields, whatever encoding they came in, and strict readers for the protocol's
// value types. Everything arrives as text; anything that is not exactly what a field takes is
// refused here, before any order code sees it.
import { API_ERRORS, ApiRefusal, incorrectRequest } from "./errors";

/** Batches are capped at 100 ids, as on the panels tools are written for. */
export const MAX_BATCH_IDS = 100;
/** Our ids are PostgreSQL integers. */
const MAX_ID = 2_147_483_647;
/** Whole numbers longer than this are refused outright (no quantity or setting is that large). */
const MAX_DIGITS = 15;

export class ApiParams {
  private readonly fields: Map<string, string>;

  /** A repeated field keeps its last value, as PHP's `$_POST` does on the panels tools are written for. */
  constructor(entries: Iterable<[string, string]>) {
    this.fields = new Map();
    for (const [name, value] of entries) this.fields.set(name, value);
  }

  /** The field's text, or undefined when it was not sent. */
  get(name: string): string | undefined {
    return this.fields.get(name);
  }

  /** The field's text trimmed; undefined when missing or blank. */
  text(name: string): string | undefined {
    const value = this.fields.get(name)?.trim();
    return value ? value : undefined;
  }

  has(name: string): boolean {
    return this.text(name) !== undefined;
  }

  names(): string[] {
    return [...this.fields.keys()];
  }
}

/** One of our ids as a number, or null when the text cannot be one (never a database error). */
export function parseOurId(text: string | undefined): number | null {
  const trimmed = text?.trim() ?? "";
  if (!/^\d{1,10}$/.test(trimmed)) return null;
  const id = Number(trimmed);
  return id >= 1 && id <= MAX_ID ? id : null;
}

/** A required id field; a missing one is an incorrect request, a malformed one `invalid`. */
export function requireId(params: ApiParams, name: string, invalid: string): number {
  const text = params.text(name);
  if (text === undefined) throw incorrectRequest(`${name} is required`);
  const id = parseOurId(text);
  if (id === null) throw new ApiRefusal(invalid);
  return id;
}

/** "1,2,3" → ["1","2","3"] (trimmed, blanks and repeats dropped, order kept); 1..100 ids. */
export function requireIdList(params: ApiParams, name: string): string[] {
  const text = params.text(name);
  if (text === undefined) throw incorrectRequest(`${name} is required`);
  const ids = [...new Set(text.split(",").map((id) => id.trim()).filter((id) => id !== ""))];
  if (ids.length === 0) throw incorrectRequest(`${name} is empty`);
  if (ids.length > MAX_BATCH_IDS) throw incorrectRequest(`at most ${MAX_BATCH_IDS} ids per request`);
  return ids;
}

/**
 * Whole-number fields travel as digit strings and are handed on as such (the order code does
 * its own coercion and range checks). "1e30", "-5", "1.5", "0x10" and 16+ digits stop here.
 */
export function optionalWholeNumberText(params: ApiParams, name: string): string | undefined {
  const text = params.text(name);
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw incorrectRequest(`${name} must be a whole number`);
  if (text.replace(/^0+(?=\d)/, "").length > MAX_DIGITS) throw incorrectRequest(`${name} is too large`);
  return text;
}

/** Batch items echo our ids as numbers, like the protocol's examples; anything else as sent. */
export function echoId(id: string): number | string {
  const ours = parseOurId(id);
  return ours !== null && String(ours) === id ? ours : id;
}

export const invalidKey = () => new ApiRefusal(API_ERRORS.invalidKey);
