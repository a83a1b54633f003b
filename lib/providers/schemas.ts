import { z } from "zod";
import { parseDecimal } from "@/lib/money";

export const ZProviderInput = z.object({
  name: z.string().trim().min(1, "Give the provider a name.").max(100),
  url: z
    .string()
    .trim()
    .url("Enter the provider's full API URL, e.g. https://panel.example/api/v2.")
    .refine((u) => /^https?:\/\//.test(u), "The API URL must start with http:// or https://."),
  key: z.string().trim().min(1, "Enter the provider's API key.").max(500),
  currency: z.string().trim().min(1).max(10).default("USD"),
  exchangeRate: z
    .string()
    .trim()
    .default("1")
    .refine((v) => parseDecimal(v)?.gt(0) ?? false, "The exchange rate must be a positive decimal number."),
  timeoutMs: z.coerce.number().int().min(1000, "At least 1000 ms.").max(300_000, "At most 300000 ms.").default(15_000),
});
export type ProviderInput = z.output<typeof ZProviderInput>;
