// Rendering helpers for the API page: a curl command per action variant, from the same
// definitions the endpoint dispatches through.
import type { ApiField } from "./action-definition";

export const KEY_PLACEHOLDER = "YOUR_API_KEY";

/** Shell-quotes `name=value` for bash: single quotes, or $'…' when it spans lines. */
function shellArgument(text: string): string {
  if (!/[\n\r]/.test(text)) return `'${text.replace(/'/g, `'\\''`)}'`;
  return `$'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'").replace(/\r/g, "\\r").replace(/\n/g, "\\n")}'`;
}

/** A copy-paste curl command; optional fields are left out so that the example is the minimal call. */
export function curlExample(apiUrl: string, action: string, fields: readonly ApiField[]): string {
  const args = [`-d key=${KEY_PLACEHOLDER}`, `-d action=${action}`];
  for (const field of fields) if (field.required) args.push(`--data-urlencode ${shellArgument(`${field.name}=${field.example}`)}`);
  return [`curl -X POST ${apiUrl}`, ...args].join(" \\\n  ");
}

export function answerJson(answer: unknown): string {
  return JSON.stringify(answer, null, 2);
}
