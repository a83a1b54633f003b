"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction } from "@/lib/actions/action-client";
import { getDb } from "@/lib/db/client";
import { setUserStatus } from "@/lib/users/manage-user";

const ZSetUserStatusInput = z.object({
  userId: z.coerce.number().int().positive(),
  status: z.enum(["active", "suspended"]),
});

export const setUserStatusAction = adminAction(ZSetUserStatusInput, async (input, actor) => {
  const result = await setUserStatus(await getDb(), actor, input.userId, input.status);
  if (!result.ok) return { error: result.message };
  revalidatePath("/admin/users");
  return { ok: true, message: input.status === "suspended" ? "Account suspended." : "Account reactivated." };
});
