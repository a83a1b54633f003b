// Display helpers for staff pages, rendered on the server (UTC, so every staff member reads the same).
export function formatWhen(date: Date | null | undefined): string {
  return date ? `${date.toISOString().replace("T", " ").slice(0, 16)} UTC` : "—";
}

