"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction } from "@/lib/actions/action-client";
import { getDb } from "@/lib/db/client";
import { setUserRole } from "@/lib/users/manage-user";
import { ZRole } from "@/lib/users/schemas";

const ZSetUserRoleInput = z.object({ userId: z.coerce.number().int().positive(), role: ZRole });

export const setUserRoleAction = adminAction(ZSetUserRoleInput, async (input, actor) => {
  const result = await setUserRole(await getDb(), actor, input.userId, input.role);
  if (!result.ok) return { error: result.message };
  revalidatePath("/admin/users");
  return { ok: true, message: "Role changed." };
});
