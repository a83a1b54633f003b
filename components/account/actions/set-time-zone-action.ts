"use server";
import { revalidatePath } from "next/cache";
import { refusalState, userAction } from "@/lib/actions/action-client";
import { getDb } from "@/lib/db/client";
import { setTimeZone, ZTimeZoneInput } from "@/lib/users/time-zone";

export const setTimeZoneAction = userAction(ZTimeZoneInput, async (input, user) => {
  const result = await setTimeZone(await getDb(), user.id, input);
  if (!result.ok) return refusalState(result);
  revalidatePath("/", "layout");
  return { ok: true, message: result.value.timeZone ? `Times are shown in ${result.value.timeZone}.` : "Times follow this browser's zone." };
});
