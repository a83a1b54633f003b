"use server";
import { revalidatePath } from "next/cache";
import { adminAction, refusalState } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { addProviderForAdmin } from "@/lib/providers/staff-providers";
import { getDb } from "@/lib/db/client";
import { ZProviderInput } from "@/lib/providers/schemas";
import { fieldMessages } from "@/lib/result";

const addProvider = adminAction(ZProviderInput, async (input, actor) => {
  const result = await addProviderForAdmin(await getDb(), actor, input);
  if (!result.ok) return result.fields ? { error: "Check the highlighted fields.", fieldErrors: fieldMessages(result) } : refusalState(result);
  revalidatePath("/admin/providers");
  revalidatePath("/admin");
  return { ok: true, message: `Provider ${result.provider.name} added. Check it, then sync its catalog.` };
});

/**
 * The wrapper hands every typed value back so that a form keeps it on error; the provider's API
 * key is write-only and must never travel back to the browser.
 */
export async function addProviderAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await addProvider(prev, formData);
  if (!state.values) return state;
  const { key: _key, ...values } = state.values;
  return { ...state, values };
}
