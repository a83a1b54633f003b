"use server";
import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action-client";
import { confirmTwoFactor, ZTwoFactorCode } from "@/lib/auth/two-factor";
import { getDb } from "@/lib/db/client";

export const confirmTwoFactorAction = userAction(ZTwoFactorCode, async ({ code }, user) => {
  const result = await confirmTwoFactor(await getDb(), user, code);
  if (!result.ok) return result.field ? { fieldErrors: { code: result.error } } : { error: result.error };
  revalidatePath("/account");
  return { ok: true, message: "Two-factor sign-in is on: signing in now asks for a code.", data: { recoveryCodes: result.recoveryCodes } };
});
