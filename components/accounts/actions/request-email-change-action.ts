"use server";
import { requestEmailChange, ZEmailChangeInput } from "@/lib/accounts/email-change";
import { refusalState, userAction } from "@/lib/actions/action-client";
import { getDb } from "@/lib/db/client";
import { requestIp } from "@/lib/rate-limit/request-ip";

export const requestEmailChangeAction = userAction(ZEmailChangeInput, async (input, user) => {
  const result = await requestEmailChange(await getDb(), user.id, input, { ip: await requestIp() });
  if (!result.ok) return refusalState(result);
  return { ok: true, message: `We sent a link to ${input.newEmail}. Your email changes when you open it (within 24 hours); ${user.email} was told.` };
});
