"use server";
import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action-client";
import { getDb } from "@/lib/db/client";
import { savePreferences, ZNotificationPreferencesInput } from "@/lib/notifications/preferences";

export const savePreferencesAction = userAction(ZNotificationPreferencesInput, async (input, user) => {
  await savePreferences(await getDb(), user, input);
  revalidatePath("/account");
  return { ok: true, message: "Notification settings saved." };
});
