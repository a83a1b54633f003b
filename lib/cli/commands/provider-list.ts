import { getDb } from "@/lib/db/connection";
import { formatMoney } from "@/lib/money";
import { listProviders } from "@/lib/providers/manage-providers";
import { defineCommand } from "../command";

export default defineCommand({
  name: "provider:list",
  summary: "list upstream providers (keys are never printed)",
  async run() {
    const providers = await listProviders(await getDb());
    if (!providers.length) console.log("No providers. Add one with provider:add.");
    for (const p of providers) {
      const balance = p.lastBalance ? formatMoney(p.lastBalance.toString(), p.currency) : "balance not checked";
      console.log(
        `${String(p.id).padStart(4)}  ${p.enabled ? "enabled " : "disabled"}  ${p.name}  ${p.apiUrl}  ${p.currency} ×${p.exchangeRate}  timeout ${p.timeoutMs} ms  ${balance}`,
      );
    }
  },
});
