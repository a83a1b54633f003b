// A markup as an admin types it ("25%", on the provider page or `catalog:sync --markup`). Saving
// one makes it the provider's pricing rule (price-rules.ts); the rule, not this file, prices the catalog.
import { type Decimal, parseDecimal } from "@/lib/money";

/** "25%", "25" or "12.5 %" → 25 / 12.5; null for anything else or a markup below −100 %. */
export function parseMarkupPercent(text: string): Decimal | null {
  const value = parseDecimal(text.trim().replace(/\s*%$/, ""));
  if (!value || value.lte(-100) || value.gt(100_000) || value.decimalPlaces() > 4) return null;
  return value;
}

