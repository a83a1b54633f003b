"use server";
import { userAction } from "@/lib/actions/action-client";
import { getDb } from "@/lib/db/client";
import { requestIp } from "@/lib/rate-limit/request-ip";
import { changePassword, ZChangePasswordInput } from "@/lib/users/change-password";

export const changePasswordAction = userAction(ZChangePasswordInput, async (input, user) => {
  const result = await changePassword(await getDb(), user.id, input, { ip: await requestIp() });
  if (!result.ok) return { fieldErrors: result.fieldErrors };
  return { ok: true, message: "Password changed. Every other session was signed out." };
});
