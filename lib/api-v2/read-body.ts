// Reads the request's fields: form-encoded (the protocol), multipart (PHP's curl sends that when
// given an array), or JSON (an extension for modern tools). The body is capped before it is
// buffered, and every value must be well-formed text without NUL (PostgreSQL refuses NUL).
// Fields in the URL's query string count too, as PHP panels read `$_REQUEST` (query first, then
// the body, so a body field overrides the same name in the query); a repeated name keeps its
// last value (ApiParams).
import { API_ERRORS } from "./errors";
import { ApiParams } from "./params";

export const MAX_BODY_BYTES = 1_000_000;
const MAX_FIELDS = 200;
/** JSON arrays of ids become the protocol's comma lists; any other list one item per line. */
const COMMA_LISTS = new Set(["orders", "refills"]);

export type ReadParamsResult = { ok: true; params: ApiParams } | { ok: false; error: string };

const refuse = (error: string): ReadParamsResult => ({ ok: false, error });
const incorrect = (reason: string) => refuse(`${API_ERRORS.incorrectRequest}: ${reason}`);
const tooLarge = () => refuse(`${API_ERRORS.bodyTooLarge} (limit ${MAX_BODY_BYTES} bytes)`);

async function readCapped(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > limit) return null;
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

function jsonEntries(text: string): [string, string][] | string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return "the body is not valid JSON";
  }
  if (json === null || typeof json !== "object" || Array.isArray(json)) return "the JSON body must be an object";
  const entries: [string, string][] = [];
  for (const [name, value] of Object.entries(json)) {
    if (value === null || value === undefined) continue;
    if (typeof value === "string") entries.push([name, value]);
    else if (typeof value === "number" || typeof value === "boolean") entries.push([name, typeof value === "boolean" ? (value ? "1" : "0") : String(value)]);
    else if (Array.isArray(value) && value.every((item) => typeof item === "string" || typeof item === "number")) {
      entries.push([name, value.map(String).join(COMMA_LISTS.has(name) ? "," : "\n")]);
    } else return `${name} must be text, a number or a list`;
  }
  return entries;
}

async function multipartEntries(body: Uint8Array<ArrayBuffer>, contentType: string): Promise<[string, string][] | string> {
  let form: FormData;
  try {
    form = await new Response(body, { headers: { "content-type": contentType } }).formData();
  } catch {
    return "the multipart body cannot be read";
  }
  const entries: [string, string][] = [];
  for (const [name, value] of form.entries()) {
    if (typeof value !== "string") return `${name}: files are not accepted`;
    entries.push([name, value]);
  }
  return entries;
}

export async function readApiParams(request: Request, limit = MAX_BODY_BYTES): Promise<ReadParamsResult> {
  const body = await readCapped(request, limit);
  if (!body) return tooLarge();
  const contentType = request.headers.get("content-type") ?? "";
  const mediaType = contentType.split(";")[0].trim().toLowerCase();

  let entries: [string, string][] | string;
  if (mediaType === "multipart/form-data") {
    entries = await multipartEntries(body, contentType);
  } else {
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(body);
    } catch {
      return incorrect("the body is not UTF-8 text");
    }
    // Some tools send JSON as text/plain or without a type; a form body never starts with "{".
    const looksJson =
      mediaType === "application/json" || mediaType.endsWith("+json") || (mediaType !== "application/x-www-form-urlencoded" && text.trimStart().startsWith("{"));
    entries = looksJson ? jsonEntries(text) : [...new URLSearchParams(text)];
  }
  if (typeof entries === "string") return incorrect(entries);
  entries = [...new URL(request.url).searchParams, ...entries];
  if (entries.length > MAX_FIELDS) return incorrect(`more than ${MAX_FIELDS} fields`);
  for (const [name, value] of entries) {
    if (!isCleanText(name) || !isCleanText(value)) return incorrect(`${isCleanText(name) ? name : "a field"} contains characters that are not allowed`);
  }
  return { ok: true, params: new ApiParams(entries) };
}

/** Well-formed Unicode (no lone surrogates) and no NUL. */
function isCleanText(text: string): boolean {
  return !text.includes("\u0000") && text.isWellFormed();
}
