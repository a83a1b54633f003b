/** A page number from the URL, bounded (1 … 10,000) so that no request asks for an absurd offset. */
export function boundedPage(text: string | undefined): number {
  const n = Number.parseInt(text ?? "1", 10);
  return Number.isFinite(n) ? Math.min(Math.max(n, 1), 10_000) : 1;
}
