"use server";
import { revalidatePath } from "next/cache";
import { adminAction, refusalState } from "@/lib/actions/action-client";
import { setSyncSchedule, ZSyncScheduleInput } from "@/lib/catalog/scheduled-sync";
import { getDb } from "@/lib/db/client";

export const setSyncScheduleAction = adminAction(ZSyncScheduleInput, async (input, actor) => {
  const result = await setSyncSchedule(await getDb(), actor, input);
  if (!result.ok) return refusalState(result);
  revalidatePath("/admin/catalog-changes");
  return { ok: true, message: result.intervalMinutes ? `Synced every ${result.intervalMinutes} minutes by the worker.` : "Manual syncs only." };
});
