import { getDb } from "@/lib/db/connection";
import { parseMarkupPercent } from "@/lib/pricing/markup";
import { syncCatalog } from "@/lib/catalog/sync-catalog";
import { defineCommand } from "../command";

export default defineCommand({
  name: "catalog:sync",
  summary: "import or update a provider's services and products",
  args: "<provider name or id>",
  options: { markup: { type: "string", description: "markup on the upstream rate, e.g. 25% (saved as the provider's pricing rule; omit to price by the rules as they are)" } },
  async run({ options, positionals }) {
    const ref = positionals[0];
    if (!ref) {
      console.error("Name the provider: catalog:sync <provider> --markup 25%");
      return 2;
    }
    const markupPercent = options.markup === undefined ? undefined : parseMarkupPercent(String(options.markup));
    if (markupPercent === null || markupPercent?.lt(0)) {
      console.error(`--markup: "${options.markup}" is not a percentage such as 25%`);
      return 2;
    }
    const db = await getDb();
    const provider = await db.provider.findFirst({
      where: /^\d+$/.test(ref) ? { OR: [{ id: Number(ref) }, { name: ref }] } : { name: ref },
      select: { id: true, name: true },
    });
    if (!provider) {
      console.error(`No provider "${ref}".`);
      return 1;
    }
    const result = await syncCatalog(db, provider.id, { markupPercent, trigger: "cli" });
    if (!result.ok) {
      console.error(`Sync of ${provider.name} failed, nothing changed: ${result.message}`);
      return 1;
    }
    const line = (what: string, c: { created: number; updated: number; delisted: number }) =>
      console.log(`${what}: ${c.created} new, ${c.updated} updated, ${c.delisted} no longer listed (disabled)`);
    line("services", result.services);
    if (result.products) line("products", result.products);
    const c = result.summary.services.changes;
    console.log(`changes: ${c.price_up} price up, ${c.price_down} price down, ${c.limits_changed} min/max changed, ${c.renamed} renamed upstream, ${c.invalid} unsellable (disabled), ${result.summary.services.repricedAfterCostRise} fixed prices the cost overtook (repriced, flagged)`);
    for (const warning of result.warnings) console.log(`warning: ${warning}`);
  },
});
