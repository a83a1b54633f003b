import { getDb } from "@/lib/db/connection";
import { CLI_OPERATOR } from "@/lib/pricing/operator";
import { listPriceRules } from "@/lib/pricing/price-rules";
import { defineCommand } from "../command";

export default defineCommand({
  name: "price-rule:list",
  summary: "list the pricing rules, most general first, with how many items each prices",
  async run() {
    const rules = await listPriceRules(await getDb(), CLI_OPERATOR);
    if (!rules.length) console.log("No pricing rules: every item sells at its upstream cost until one is set (price-rule:set --scope global --percent 25).");
    for (const r of rules) {
      const terms = [
        r.percent !== null ? `+${r.percent}%` : null,
        r.fixedAmount !== null ? `+${r.fixedAmount}` : null,
        r.minPrice !== null ? `min ${r.minPrice}` : null,
        r.roundStep !== null ? `round up to ${r.roundStep}` : null,
      ].filter(Boolean);
      console.log(`${String(r.id).padStart(4)}  ${r.itemKind.padEnd(7)}  ${r.target.padEnd(32)}  ${terms.join(", ").padEnd(40)}  prices ${r.pricedCount}`);
    }
  },
});
