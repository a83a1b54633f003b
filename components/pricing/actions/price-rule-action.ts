"use server";
// One form, two buttons: "Preview" shows old and new prices without saving; "Save" saves the rule
// and reprices. Both run the same data functions (lib/pricing/price-rules.ts).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction, refusalState } from "@/lib/actions/action-client";
import { getDb } from "@/lib/db/client";
import { previewPriceRule, setPriceRule } from "@/lib/pricing/price-rules";
import { ZPriceRuleInput } from "@/lib/pricing/schemas";
import { INVALID_FIELDS_MESSAGE } from "@/lib/result";
import { fieldErrorsOf } from "@/lib/validation/field-errors";

const ZIntent = z.object({ intent: z.enum(["preview", "save"]).catch("preview") }).passthrough();

export const priceRuleAction = adminAction(ZIntent, async (input, actor) => {
  // The rule's own schema is a transform of the whole form; it is parsed here, once, for both buttons.
  const parsed = ZPriceRuleInput.safeParse(input);
  if (!parsed.success) return { error: INVALID_FIELDS_MESSAGE, fieldErrors: fieldErrorsOf(parsed.error) };
  const rule = parsed.data;
  const db = await getDb();
  if (input.intent === "preview") {
    const result = await previewPriceRule(db, actor, rule);
    if (!result.ok) return refusalState(result);
    const { up, down, changed } = result.preview.counts;
    return {
      ok: true,
      message: changed ? `Saving would change ${changed} price(s): ${up} up, ${down} down. Nothing is saved yet.` : "Saving would change no price. Nothing is saved yet.",
      // What was typed stays in the form, so that the previewed rule can be saved as it is.
      data: { preview: result.preview, values: Object.fromEntries(Object.entries(input).filter(([k, v]) => typeof v === "string" && k !== "intent")) },
    };
  }
  const result = await setPriceRule(db, actor, rule);
  if (!result.ok) return refusalState(result);
  for (const path of ["/admin/pricing", "/admin/services", "/admin/products", "/admin/catalog-changes"]) revalidatePath(path);
  return { ok: true, message: `Rule saved: ${result.counts.up} price(s) up, ${result.counts.down} down.` };
});
