// Page numbers arrive from query strings; "99999999999999999999" parses to 1e20 and makes an
// OFFSET the database refuses (a 500). Every data function that pages clamps through here, so a
// page past the end is simply empty and no input reaches the query unbounded.
export const MAX_PAGE = 10_000;

/** Any input → a whole page number in 1 … MAX_PAGE (1 for anything unreadable). */
export function boundedPage(raw: unknown): number {
  const value = typeof raw === "number" ? raw : typeof raw === "string" && /^\s*\d+\s*$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isFinite(value) || value < 1) return 1;
  return Math.min(MAX_PAGE, Math.floor(value));
}
