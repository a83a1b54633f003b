"use server";
import { z } from "zod";
import { requestPasswordReset } from "@/lib/accounts/password-reset";
import { publicAction, refusalState } from "@/lib/actions/action-client";
import { getDb } from "@/lib/db/client";
import { requestIp } from "@/lib/rate-limit/request-ip";
import { ZEmail } from "@/lib/users/schemas";

export const requestPasswordResetAction = publicAction(z.object({ email: ZEmail }), async (input) => {
  const result = await requestPasswordReset(await getDb(), input.email, { ip: await requestIp() });
  if (!result.ok) return refusalState(result);
  return { ok: true, message: `If an account uses ${input.email}, we sent it a link to set a new password. It works once, for one hour.` };
});
