import { getDb } from "@/lib/db/connection";
import { checkProvider, checkUpstream, findProviderByName, type ProviderCheck } from "@/lib/providers/manage-providers";
import { createUpstreamClient } from "@/lib/upstream";
import { defineCommand, UsageError } from "../command";

function report(label: string, result: ProviderCheck): number {
  if (!result.ok) {
    console.error(`${label}: ${result.step} failed (${result.kind}): ${result.message}`);
    return 1;
  }
  console.log(`${label}: balance ${result.balance} ${result.currency}, ${result.services} services` +
    (result.products === null ? ", no product catalog" : `, ${result.products} products`));
  return 0;
}

export default defineCommand({
  name: "provider:check",
  summary: "call balance and services on a stored provider, or on --url/--key without the database",
  args: "[<name>]",
  options: {
    url: { type: "string", description: "check this API URL instead of a stored provider" },
    key: { type: "string", description: "API key for --url" },
    timeout: { type: "string", description: "timeout in ms for --url (default 15000)" },
  },
  async run({ options, positionals }) {
    if (options.url) {
      if (!options.key || positionals.length) throw new UsageError("--url needs --key and no provider name");
      const timeoutMs = options.timeout ? Number.parseInt(String(options.timeout), 10) : 15_000;
      if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) throw new UsageError("--timeout must be a positive number of ms");
      const client = createUpstreamClient({ url: String(options.url), key: String(options.key), timeoutMs });
      return report(String(options.url), await checkUpstream(client));
    }
    const [name] = positionals;
    if (!name || positionals.length > 1) throw new UsageError("name one provider, or use --url and --key");
    const db = await getDb();
    const provider = await findProviderByName(db, name);
    if (!provider) {
      console.error(`No provider named "${name}". See provider:list.`);
      return 1;
    }
    return report(provider.name, await checkProvider(db, provider.id));
  },
});
