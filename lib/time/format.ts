// The one way pages show a moment: "2026-12-01 22:50 UTC" (the same for everyone, server and
// browser alike, so server-rendered and live-refreshed rows agree), and "in 5 h" / "3 min ago"
// for cooldowns and recent events.
type When = Date | string | number;

export function formatDateTime(when: When | null | undefined): string {
  if (when === null || when === undefined) return "—";
  const date = new Date(when);
  return Number.isNaN(date.getTime()) ? "—" : `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** "in 5 h", "in 12 min", "2 d ago"; whole units, rounded up for the future (a cooldown never looks shorter). */
export function formatRelative(when: When, now: When = Date.now()): string {
  const seconds = (new Date(when).getTime() - new Date(now).getTime()) / 1000;
  const future = seconds >= 0;
  const size = Math.abs(seconds);
  const round = (value: number) => Math.max(1, future ? Math.ceil(value) : Math.floor(value));
  const text =
    size < 60 ? `${round(size)} s` : size < 3600 ? `${round(size / 60)} min` : size < 48 * 3600 ? `${round(size / 3600)} h` : `${round(size / 86_400)} d`;
  return future ? `in ${text}` : `${text} ago`;
}
