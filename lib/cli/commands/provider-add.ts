import { getDb } from "@/lib/db/connection";
import { addProvider } from "@/lib/providers/manage-providers";
import { ZProviderInput } from "@/lib/providers/schemas";
import { defineCommand } from "../command";
import { parseOptions, printRefusal } from "../parse-options";

const plain = (field: string) => field;

export default defineCommand({
  name: "provider:add",
  summary: "register an upstream panel (its API key is stored encrypted)",
  options: {
    name: { type: "string", description: "a unique name", required: true },
    url: { type: "string", description: "full API URL, e.g. https://panel.example/api/v2", required: true },
    key: { type: "string", description: "the provider's API key", required: true },
    currency: { type: "string", description: "the provider's currency (default USD)" },
    rate: { type: "string", description: "panel currency units per provider unit (default 1)" },
    timeout: { type: "string", description: "request timeout in ms (default 15000)" },
  },
  async run({ options }) {
    const input = parseOptions(ZProviderInput, {
      name: options.name,
      url: options.url,
      key: options.key,
      currency: options.currency,
      exchangeRate: options.rate,
      timeoutMs: options.timeout,
    }, plain);
    if (!input) return 2;
    const result = await addProvider(await getDb(), input);
    if (!result.ok) {
      printRefusal(result, plain);
      return 2;
    }
    console.log(`Added provider "${result.provider.name}" (id ${result.provider.id}).`);
  },
});
