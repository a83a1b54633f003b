"use server";
import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action-client";
import { disableTwoFactor, ZTwoFactorCode } from "@/lib/auth/two-factor";
import { getDb } from "@/lib/db/client";

// Turning it off ends every session of the account (this one included): sign in again.
export const disableTwoFactorAction = userAction(ZTwoFactorCode, async ({ code }, user) => {
  const result = await disableTwoFactor(await getDb(), user, code);
  if (!result.ok) return result.field ? { fieldErrors: { code: result.error } } : { error: result.error };
  revalidatePath("/account");
  return { ok: true, message: "Two-factor sign-in is off. Sign in again." };
});
