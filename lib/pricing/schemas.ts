// Inputs of the pricing pages, the catalog's fixed prices and the pricing CLI, as they arrive from forms (all text). One schema each,
// shared by the form, the server action and the CLI.
import { z } from "zod";
import { ZCatalogItemRef, ZCatalogKind } from "@/lib/catalog/schemas";
import { LEDGER_SCALE, parseDecimal } from "@/lib/money";
import { blankToUndefined, confirmedBox } from "@/lib/validation/form-fields";

/** An exact decimal in a range, at most `places` decimals; blank = absent. */
function amount(what: string, options: { places: number; min: string; minInclusive: boolean; max: string }) {
  return z.preprocess(
    blankToUndefined,
    z
      .string({ error: `Enter ${what} such as 1.25.` })
      .trim()
      .refine((t) => parseDecimal(t) !== null, `Enter ${what} such as 1.25.`)
      .refine((t) => (parseDecimal(t)?.decimalPlaces() ?? 0) <= options.places, `Use at most ${options.places} decimals.`)
      .refine((t) => {
        const d = parseDecimal(t);
        return d !== null && (options.minInclusive ? d.gte(options.min) : d.gt(options.min));
      }, `It must be ${options.minInclusive ? "at least" : "more than"} ${options.min}.`)
      .refine((t) => parseDecimal(t)?.lte(options.max) ?? false, `It must be at most ${options.max}.`)
      .optional(),
  );
}

const id = (what: string) => z.coerce.number({ error: `Give a ${what} id.` }).int(`Give a ${what} id.`).positive(`Give a ${what} id.`).max(2_147_483_647);

export const ZPriceTerms = z.object({
  percent: amount("a percentage", { places: 4, min: "0", minInclusive: true, max: "10000" }),
  fixedAmount: amount("an amount", { places: LEDGER_SCALE, min: "0", minInclusive: true, max: "1000000000" }),
  minPrice: amount("a price", { places: LEDGER_SCALE, min: "0", minInclusive: false, max: "1000000000" }),
  roundStep: amount("a step", { places: LEDGER_SCALE, min: "0", minInclusive: false, max: "1000" }),
});

/** Which rows a rule prices. `category` is the category as customers see it. */
export const ZRuleTarget = z.discriminatedUnion("scope", [
  z.object({ scope: z.literal("global") }),
  z.object({ scope: z.literal("provider"), providerId: id("provider") }),
  z.object({
    scope: z.literal("category"),
    category: z.string({ error: "Name the category." }).trim().min(1, "Name the category.").max(300, "At most 300 characters."),
  }),
  z.object({ scope: z.literal("item"), itemId: id("service or product") }),
]);
export type RuleTarget = z.output<typeof ZRuleTarget>;

const kindField = z.preprocess(blankToUndefined, ZCatalogKind.default("service"));

export const ZPriceRuleInput = z
  .object({ itemKind: kindField, scope: z.enum(["global", "provider", "category", "item"], { error: "Choose where the rule applies." }) })
  .passthrough()
  .transform((value, ctx) => {
    const target = ZRuleTarget.safeParse(value);
    const terms = ZPriceTerms.safeParse(value);
    for (const issue of [...(target.error?.issues ?? []), ...(terms.error?.issues ?? [])]) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
    if (!target.success || !terms.success) return z.NEVER;
    if (terms.data.percent === undefined && terms.data.fixedAmount === undefined) {
      ctx.addIssue({ code: "custom", path: ["percent"], message: "Give a percentage, a fixed amount, or both." });
      return z.NEVER;
    }
    return { itemKind: value.itemKind, target: target.data, terms: terms.data };
  });
export type PriceRuleInput = z.input<typeof ZPriceRuleInput>;
export type ParsedPriceRule = z.output<typeof ZPriceRuleInput>;

export const ZPriceRuleRef = z.object({ ruleId: id("rule") });
export type PriceRuleRef = z.output<typeof ZPriceRuleRef>;

export const ZDiscountInput = z.object({
  customerId: id("customer"),
  // Blank clears the discount.
  percent: amount("a percentage", { places: 4, min: "0", minInclusive: false, max: "99.9999" }),
});
export type DiscountInput = z.output<typeof ZDiscountInput>;

export const ZCustomPriceInput = z.object({
  customerId: id("customer"),
  serviceId: id("service"),
  // Blank removes the custom price.
  sellRate: amount("a price", { places: LEDGER_SCALE, min: "0", minInclusive: false, max: "1000000000" }),
  confirmBelowCost: confirmedBox,
});
export type CustomPriceInput = z.output<typeof ZCustomPriceInput>;


/** A price per 1000 (services) or per unit (products) in the panel currency: numeric(20,6). */
export const ZSellRate = z
  .string({ error: "Enter a price such as 1.25." })
  .trim()
  .refine((text) => parseDecimal(text) !== null, "Enter a price such as 1.25.")
  .refine((text) => (parseDecimal(text)?.decimalPlaces() ?? 0) <= LEDGER_SCALE, `Use at most ${LEDGER_SCALE} decimals.`)
  .refine((text) => parseDecimal(text)?.gt(0) ?? false, "The price must be more than zero.")
  .refine((text) => parseDecimal(text)?.lt("1e12") ?? false, "That price is too large.");

/** An admin's fixed price for one service or product; below the upstream cost only when confirmed. */
export const ZSetSellRateInput = ZCatalogItemRef.extend({ sellRate: ZSellRate, confirmBelowCost: confirmedBox });
export type SetSellRateInput = z.output<typeof ZSetSellRateInput>;
