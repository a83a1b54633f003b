// The one way pages show a moment: "2026-12-01 23:50" in the reader's time zone (the account's
// setting, else the browser's, sent as a cookie; see lib/time/display-zone.ts), "… UTC" when the
// zone is UTC, and "in 5 h" / "3 min ago" for cooldowns and recent events. Server and browser
// format with the same zone, so a server-rendered page and its hydration agree. CSV exports and
// /api/v2 keep UTC and never come through here.
type When = Date | string | number;

export const UTC = "UTC";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string, seconds: boolean): Intl.DateTimeFormat {
  const key = `${zone}|${seconds}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      ...(seconds ? { second: "2-digit", timeZoneName: "short" } : {}),
      hourCycle: "h23",
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** True for a zone this runtime knows ("Europe/Berlin", "UTC"); anything else is refused. */
export function isTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function toDate(when: When | null | undefined): Date | null {
  if (when === null || when === undefined) return null;
  const date = new Date(when);
  return Number.isNaN(date.getTime()) ? null : date;
}

function parts(date: Date, zone: string, seconds: boolean): Record<string, string> {
  return Object.fromEntries(formatterFor(zone, seconds).formatToParts(date).map((p) => [p.type, p.value]));
}

/** "2026-12-01 23:50" in `zone`; "2026-12-01 22:50 UTC" for UTC (the default); "—" for nothing. */
export function formatDateTime(when: When | null | undefined, zone: string = UTC): string {
  const date = toDate(when);
  if (!date) return "—";
  const p = parts(date, zone, false);
  const text = `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
  return zone === UTC ? `${text} UTC` : text;
}

/** "2026-12-01 23:50:07 GMT+1 (Europe/Berlin)": the hover text of a shown time. */
export function formatExactDateTime(when: When | null | undefined, zone: string = UTC): string {
  const date = toDate(when);
  if (!date) return "";
  const p = parts(date, zone, true);
  const text = `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second} ${p.timeZoneName}`;
  return zone === UTC ? text : `${text} (${zone})`;
}

/** "in 5 h", "in 12 min", "2 d ago"; whole units, rounded up for the future (a cooldown never looks shorter). */
export function formatRelative(when: When, now: When = Date.now()): string {
  const seconds = (new Date(when).getTime() - new Date(now).getTime()) / 1000;
  const future = seconds >= 0;
  const size = Math.abs(seconds);
  if (!future && size < 45) return "just now";
  const round = (value: number) => Math.max(1, future ? Math.ceil(value) : Math.floor(value));
  const text =
    size < 60 ? `${round(size)} s` : size < 3600 ? `${round(size / 60)} min` : size < 48 * 3600 ? `${round(size / 3600)} h` : `${round(size / 86_400)} d`;
  return future ? `in ${text}` : `${text} ago`;
}

/** Relative times read well for the last week; older ones are shown as dates. */
export const RELATIVE_FOR_MS = 7 * 86_400_000;
