import { getDb } from "@/lib/db/connection";
import { parseMarkupPercent } from "@/lib/catalog/markup";
import { syncCatalog } from "@/lib/catalog/sync-catalog";
import { defineCommand } from "../command";

export default defineCommand({
  name: "catalog:sync",
  summary: "import or update a provider's services and products",
  args: "<provider name or id>",
  options: { markup: { type: "string", description: "markup on the upstream rate, e.g. 25%", required: true } },
  async run({ options, positionals }) {
    const ref = positionals[0];
    if (!ref) {
      console.error("Name the provider: catalog:sync <provider> --markup 25%");
      return 2;
    }
    const markupPercent = parseMarkupPercent(String(options.markup));
    if (!markupPercent) {
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
    const result = await syncCatalog(db, provider.id, { markupPercent });
    if (!result.ok) {
      console.error(`Sync of ${provider.name} failed, nothing changed: ${result.error}`);
      return 1;
    }
    const line = (what: string, c: { created: number; updated: number; delisted: number }) =>
      console.log(`${what}: ${c.created} new, ${c.updated} updated, ${c.delisted} no longer listed (disabled)`);
    line("services", result.services);
    if (result.products) line("products", result.products);
    for (const warning of result.warnings) console.log(`warning: ${warning}`);
  },
});
