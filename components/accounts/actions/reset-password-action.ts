"use server";
import { z } from "zod";
import { resetPassword } from "@/lib/accounts/password-reset";
import { publicAction, refusalState } from "@/lib/actions/action-client";
import { getDb } from "@/lib/db/client";
import { ZNewPassword } from "@/lib/users/schemas";

const ZResetPasswordInput = z.object({ token: z.string().max(200), newPassword: ZNewPassword });

export const resetPasswordAction = publicAction(ZResetPasswordInput, async (input) => {
  const result = await resetPassword(await getDb(), input.token, input.newPassword);
  if (!result.ok) return refusalState(result);
  return { ok: true, message: "Your password is set, and every session of your account was signed out. Sign in with the new password." };
});
