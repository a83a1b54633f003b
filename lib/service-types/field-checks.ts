// Small checks the service-type table uses for its fields.
/** One item per non-empty line, trimmed. */
export function linesOf(text: string | undefined): string[] {
  return (text ?? "")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

const USERNAME = /^@?[A-Za-z0-9._]{1,64}$/;

/** An http(s) URL with a real-looking host, or a bare @username (some services take a profile name). */
export function isPlausibleLink(text: string): boolean {
  if (USERNAME.test(text)) return true;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return false;
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(url.hostname) && !/\s/.test(text);
}

export function isPlausibleUsername(text: string): boolean {
  return USERNAME.test(text);
}

/** Subscription delays the protocol's panels accept, in minutes. */
export const SUBSCRIPTION_DELAYS = [0, 5, 10, 15, 30, 60, 90, 120, 150, 180, 210, 240, 270, 300, 360, 420, 480, 540, 600] as const;

/** A dd/mm/yyyy date that exists and is after `now`'s day. */
export function isFutureExpiry(text: string, now: Date): boolean {
  const match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  if (!match) return false;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return date.getTime() > today;
}
