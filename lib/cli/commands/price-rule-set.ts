import { getDb } from "@/lib/db/connection";
import { CLI_OPERATOR } from "@/lib/pricing/operator";
import { setPriceRule } from "@/lib/pricing/price-rules";
import { ZPriceRuleInput } from "@/lib/pricing/schemas";
import { defineCommand } from "../command";
import { parseOptions, printRefusal } from "../parse-options";

const FLAGS: Record<string, string> = { fixedAmount: "fixed", minPrice: "min", roundStep: "round", itemId: "scope", providerId: "scope", category: "scope" };
const flagOf = (field: string) => `--${FLAGS[field] ?? field}`;

/** "global", "provider:<name or id>", "category:<name>", "service:<id>" or "product:<id>". */
const SCOPE = /^(global|provider|category|service|product)(?::(.+))?$/;

export default defineCommand({
  name: "price-rule:set",
  summary: "set a pricing rule and reprice what it covers (the most specific rule wins: item → category → provider → global)",
  options: {
    scope: { type: "string", description: "global | provider:<name> | category:<name> | service:<id> | product:<id>", required: true },
    percent: { type: "string", description: "markup on the upstream cost in percent, e.g. 25" },
    fixed: { type: "string", description: "amount added per 1000 (services) or per unit (products)" },
    min: { type: "string", description: "minimum sell price" },
    round: { type: "string", description: "round prices up to a multiple of this step, e.g. 0.01" },
    products: { type: "boolean", description: "the rule prices products (per unit) instead of services" },
  },
  async run({ options }) {
    const match = SCOPE.exec(String(options.scope).trim());
    if (!match || (match[1] !== "global" && !match[2])) {
      console.error(`--scope: "${options.scope}" is not global, provider:<name>, category:<name>, service:<id> or product:<id>`);
      return 2;
    }
    const [, scope, target] = match;
    const db = await getDb();
    const itemKind = scope === "product" || options.products ? "product" : "service";
    const input: Record<string, unknown> = {
      itemKind, percent: options.percent, fixedAmount: options.fixed, minPrice: options.min, roundStep: options.round,
    };
    if (scope === "global") input.scope = "global";
    else if (scope === "category") Object.assign(input, { scope: "category", category: target });
    else if (scope === "service" || scope === "product") Object.assign(input, { scope: "item", itemId: target });
    else {
      const provider = await db.provider.findFirst({
        where: /^\d+$/.test(target!) ? { OR: [{ id: Number(target) }, { name: target }] } : { name: target },
        select: { id: true },
      });
      if (!provider) {
        console.error(`No provider "${target}".`);
        return 1;
      }
      Object.assign(input, { scope: "provider", providerId: provider.id });
    }
    const rule = parseOptions(ZPriceRuleInput, input, flagOf);
    if (!rule) return 1;
    const result = await setPriceRule(db, CLI_OPERATOR, rule);
    if (!result.ok) {
      printRefusal(result, flagOf);
      return 1;
    }
    const { up, down } = result.counts;
    console.log(`Rule ${result.ruleId} saved for ${options.scope} (${itemKind}s): ${up} prices up, ${down} down.`);
  },
});
