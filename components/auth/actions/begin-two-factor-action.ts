"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction } from "@/lib/actions/action-client";
import { beginTwoFactorSetup } from "@/lib/auth/two-factor";
import { getDb } from "@/lib/db/client";

export const beginTwoFactorAction = userAction(z.object({}), async (_input, user) => {
  const result = await beginTwoFactorSetup(await getDb(), user);
  if (!result.ok) return { error: result.error };
  revalidatePath("/account");
  return { ok: true, message: "Scan the QR code, then enter a code from the app to turn it on." };
});
