"use server";
import { z } from "zod";
import { resendVerification } from "@/lib/accounts/verify-email";
import { refusalState, userAction } from "@/lib/actions/action-client";
import { getDb } from "@/lib/db/client";

export const resendVerificationAction = userAction(z.object({}), async (_input, user) => {
  const result = await resendVerification(await getDb(), user.id);
  if (!result.ok) return refusalState(result);
  return { ok: true, message: `We sent a new link to ${user.email}.` };
});
