"use server";
import { revalidatePath } from "next/cache";
import { adminAction, refusalState } from "@/lib/actions/action-client";
import { editService, ZEditServiceInput } from "@/lib/catalog/edit-service";
import { getDb } from "@/lib/db/client";

export const editServiceAction = adminAction(ZEditServiceInput, async (input, actor) => {
  const result = await editService(await getDb(), actor, input);
  if (!result.ok) return refusalState(result);
  revalidatePath(`/admin/services/${input.serviceId}`);
  revalidatePath("/admin/services");
  return { ok: true, message: "Saved. Syncs keep these values; blank fields show the provider's text." };
});
