// Inputs of the provider pages and CLI, as they arrive from forms (all text): registering a
// provider, switching it on or off, and syncing its catalog.
import { z } from "zod";
import { parseDecimal } from "@/lib/money";
import { parseMarkupPercent } from "@/lib/pricing/markup";
import { chosenId, formFlag, optionalField } from "@/lib/validation/form-fields";

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

export const ZProviderRef = z.object({ providerId: chosenId("provider") });
export const ZSetProviderEnabledInput = ZProviderRef.extend({ enabled: formFlag });
export type SetProviderEnabledInput = z.output<typeof ZSetProviderEnabledInput>;
/** A blank markup syncs at the pricing rules as they are; a markup becomes the provider's rule. */
export const ZSyncCatalogInput = ZProviderRef.extend({
  markupPercent: optionalField(
    z
      .string({ error: "Enter a markup such as 25%." })
      .trim()
      .refine((text) => (parseMarkupPercent(text)?.gte(0) ?? false), "Enter a markup such as 25% (0 or more, at most 4 decimals)."),
  ),
});
export type SyncCatalogInput = z.output<typeof ZSyncCatalogInput>;
