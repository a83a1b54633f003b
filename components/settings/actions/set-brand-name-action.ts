"use server";
import { revalidatePath } from "next/cache";
import { adminAction, refusalState } from "@/lib/actions/action-client";
import { setBrandName, ZSetBrandNameInput } from "@/lib/branding/brand-name";
import { getDb } from "@/lib/db/client";

export const setBrandNameAction = adminAction(ZSetBrandNameInput, async (input, actor) => {
  const result = await setBrandName(await getDb(), actor, input);
  if (!result.ok) return refusalState(result);
  // Every page's header and title carry the name.
  revalidatePath("/", "layout");
  return { ok: true, message: `The panel is now called “${result.name}”.` };
});
