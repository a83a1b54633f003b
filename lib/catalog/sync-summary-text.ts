// A sync summary in words, for the admin page and the CLI: new, removed (disabled), price up/down,
// min/max changed, renamed upstream, unsellable listings switched off, fixed prices overtaken.
import type { SyncSummary } from "./sync-runs";

export function summaryLines(summary: unknown): string[] {
  const s = summary as SyncSummary | null;
  if (!s?.services) return [];
  const part = (what: string, k: SyncSummary["services"]) => {
    const c = k.changes;
    return `${what}: ${c.added} new, ${c.removed} removed (disabled), ${c.price_up} price up, ${c.price_down} price down, ` +
      `${c.limits_changed} min/max changed, ${c.renamed} renamed upstream, ${c.invalid} unsellable (switched off)` +
      (k.repricedAfterCostRise ? `, ${k.repricedAfterCostRise} fixed price(s) overtaken by cost (repriced, flagged)` : "");
  };
  const lines = [part(`${s.services.listed} services`, s.services)];
  if (s.products) lines.push(part(`${s.products.listed} products`, s.products));
  if (s.warnings.length) lines.push(`${s.warnings.length} warning(s), e.g. ${s.warnings[0]}`);
  return lines;
}
