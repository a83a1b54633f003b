"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction, refusalState } from "@/lib/actions/action-client";
import { getDb } from "@/lib/db/client";
import { retryDeadMail } from "@/lib/mail/outbox-admin";

export const retryMailAction = adminAction(z.object({ id: z.coerce.number().int().positive() }), async ({ id }, user) => {
  const result = await retryDeadMail(await getDb(), user, id);
  if (!result.ok) return refusalState(result);
  revalidatePath("/admin/mail");
  return { ok: true, message: `Message #${id} is queued again.` };
});
