// Real panels send some numbers as JSON numbers (`"rate": 2.5`) and money must stay exact on
// our side too, so numbers are written from their decimal text, never through a float.
const RAW_MARK = "@@sim-raw-number:";
const RAW_PATTERN = /"@@sim-raw-number:(-?[0-9]+(?:\.[0-9]+)?)"/g;

/** A value that serializes as a bare JSON number with exactly this text. */
export function rawNumber(text: string): string {
  if (!/^-?[0-9]+(\.[0-9]+)?$/.test(text)) throw new Error(`not a plain decimal: ${text}`);
  return `${RAW_MARK}${text}`;
}

export function toJsonText(value: unknown): string {
  return JSON.stringify(value).replace(RAW_PATTERN, "$1");
}
