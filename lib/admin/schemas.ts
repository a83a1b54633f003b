// Inputs of the staff pages, as they arrive from forms and query strings (all text).
import { z } from "zod";
import { parseMarkupPercent } from "@/lib/catalog/markup";
import { ZCreditFundsInput } from "@/lib/ledger/schemas";
import { LEDGER_SCALE, parseDecimal } from "@/lib/money";
import { ORDER_STATES } from "@/lib/orders/state-machine";

const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
const id = (what: string) => z.coerce.number({ error: `Choose a ${what}.` }).int().positive(`Choose a ${what}.`).max(2_147_483_647);
const page = z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).default(1)).catch(1);
const yesNo = optional(z.enum(["yes", "no"]));
/** A query-string filter: a value that does not parse is ignored rather than failing the page. */
const lenient = <T extends z.ZodType>(schema: T) => optional(schema).catch(undefined);
/** A hidden "true"/"false" form field; a boolean is accepted too, so a parsed input parses again. */
const flag = z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]);

export const ZCatalogKind = z.enum(["service", "product"]);
export type CatalogKind = z.infer<typeof ZCatalogKind>;

/** A price per 1000 (services) or per unit (products) in the panel currency: numeric(20,6). */
export const ZSellRate = z
  .string({ error: "Enter a price such as 1.25." })
  .trim()
  .refine((text) => parseDecimal(text) !== null, "Enter a price such as 1.25.")
  .refine((text) => (parseDecimal(text)?.decimalPlaces() ?? 0) <= LEDGER_SCALE, `Use at most ${LEDGER_SCALE} decimals.`)
  .refine((text) => parseDecimal(text)?.gt(0) ?? false, "The price must be more than zero.")
  .refine((text) => parseDecimal(text)?.lt("1e12") ?? false, "That price is too large.");

export const ZCatalogItemRef = z.object({ kind: ZCatalogKind, id: id("row") });
/** A ticked checkbox ("on"), "true" or true: the admin confirms selling below the upstream cost. */
const confirmed = z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean()).default(false);
export const ZSetSellRateInput = ZCatalogItemRef.extend({ sellRate: ZSellRate, confirmBelowCost: confirmed });
export const ZSetEnabledInput = ZCatalogItemRef.extend({ enabled: flag });
export type SetSellRateInput = z.output<typeof ZSetSellRateInput>;
export type CatalogItemRef = z.output<typeof ZCatalogItemRef>;
export type SetEnabledInput = z.output<typeof ZSetEnabledInput>;

export const ZCatalogFilters = z.object({
  providerId: lenient(z.coerce.number().int().positive().max(2_147_483_647)),
  category: lenient(z.string().trim().max(500)),
  search: lenient(z.string().trim().max(200)),
  enabled: yesNo.catch(undefined),
  override: yesNo.catch(undefined),
  page,
});
export type CatalogFilters = z.input<typeof ZCatalogFilters>;

export { ORDER_STATES };

/** A UTC calendar day, YYYY-MM-DD, as a date input sends it. */
const utcDay = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/).refine((text) => !Number.isNaN(Date.parse(`${text}T00:00:00Z`)));

export const ZOrderFilters = z.object({
  /** Our order id (#123), the upstream's order id, part of the link or of the customer's email. */
  q: lenient(z.string().trim().max(500)),
  state: lenient(z.enum(ORDER_STATES)),
  email: lenient(z.string().trim().toLowerCase().max(254)),
  providerId: lenient(z.coerce.number().int().positive().max(2_147_483_647)),
  serviceId: lenient(z.coerce.number().int().positive().max(2_147_483_647)),
  from: lenient(utcDay),
  to: lenient(utcDay),
  flagged: yesNo.catch(undefined),
  page,
});
export type OrderFilters = z.input<typeof ZOrderFilters>;

const orderId = id("order");
export const ZResolveOrderInput = z.discriminatedUnion("outcome", [
  z.object({
    outcome: z.literal("placed"),
    orderId,
    upstreamId: z
      .string({ error: "Give the provider's order id." })
      .trim()
      .min(1, "Give the provider's order id.")
      .regex(/^[A-Za-z0-9_-]{1,100}$/, "Letters, digits, - and _ only, as the provider shows it."),
  }),
  z.object({ outcome: z.literal("failed"), orderId }),
]);
export type ResolveOrderInput = z.output<typeof ZResolveOrderInput>;

export const ZProviderRef = z.object({ providerId: id("provider") });
export const ZSetProviderEnabledInput = ZProviderRef.extend({ enabled: flag });
export type SetProviderEnabledInput = z.output<typeof ZSetProviderEnabledInput>;
/** A blank markup syncs at the pricing rules as they are; a markup becomes the provider's rule. */
export const ZSyncCatalogInput = ZProviderRef.extend({
  markupPercent: optional(
    z
      .string({ error: "Enter a markup such as 25%." })
      .trim()
      .refine((text) => (parseMarkupPercent(text)?.gte(0) ?? false), "Enter a markup such as 25% (0 or more, at most 4 decimals)."),
  ),
});
export type SyncCatalogInput = z.output<typeof ZSyncCatalogInput>;

/** The credit-funds form: the ledger's own input, the actor coming from the session instead. */
export const ZCreditFundsForm = ZCreditFundsInput.omit({ actorId: true });
export type CreditFundsForm = z.output<typeof ZCreditFundsForm>;
