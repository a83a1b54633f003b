"use server";
import { userAction } from "@/lib/actions/action-client";
import { carrySessionTo } from "@/lib/auth/renew-session";
import { getDb } from "@/lib/db/client";
import { requestIp } from "@/lib/rate-limit/request-ip";
import { changePassword, ZChangePasswordInput } from "@/lib/users/change-password";

export const changePasswordAction = userAction(ZChangePasswordInput, async (input, user) => {
  const result = await changePassword(await getDb(), user.id, input, { ip: await requestIp() });
  if (!result.ok) return { fieldErrors: result.fieldErrors };
  // The change ended every session; this one is carried over (it just proved the password).
  if (!(await carrySessionTo(result.sessionVersion))) return { ok: true, message: "Password changed. Every session was signed out: sign in with the new password." };
  return { ok: true, message: "Password changed. You are still signed in here; every other session was signed out." };
});
