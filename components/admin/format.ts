// Display helpers for staff pages, rendered on the server (UTC, so every staff member reads the same).
export function formatWhen(date: Date | null | undefined): string {
  return date ? `${date.toISOString().replace("T", " ").slice(0, 16)} UTC` : "—";
}

/** Builds a query string from the current filters, dropping blanks, with overrides. */
export function queryString(params: Record<string, string | undefined>, overrides: Record<string, string | undefined> = {}): string {
  const merged = { ...params, ...overrides };
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : "";
}
