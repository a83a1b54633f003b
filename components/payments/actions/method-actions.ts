"use server";
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/actions/action-client";
import { getDb } from "@/lib/db/client";
import { addBonusRule, removeBonusRule, saveMethod } from "@/lib/payments/manage-methods";
import { ZBonusRuleInput, ZRemoveBonusRuleInput, ZSaveMethodInput } from "@/lib/payments/schemas";

export const saveMethodAction = adminAction(ZSaveMethodInput, async (input, actor) => {
  const result = await saveMethod(await getDb(), actor, input);
  if (!result.ok) return { error: result.error, fieldErrors: result.fieldErrors };
  revalidatePath("/admin/payments/methods");
  return { ok: true, message: `Method "${input.name}" saved.` };
});

export const addBonusRuleAction = adminAction(ZBonusRuleInput, async (input, actor) => {
  const result = await addBonusRule(await getDb(), actor, input);
  if (!result.ok) return { error: result.error, fieldErrors: result.fieldErrors };
  revalidatePath("/admin/payments/methods");
  return { ok: true, message: `Bonus +${input.percent} % from ${input.minAmount} added.` };
});

export const removeBonusRuleAction = adminAction(ZRemoveBonusRuleInput, async (input, actor) => {
  const result = await removeBonusRule(await getDb(), actor, input);
  if (!result.ok) return { error: result.error };
  revalidatePath("/admin/payments/methods");
  return { ok: true, message: "Bonus rule removed." };
});
