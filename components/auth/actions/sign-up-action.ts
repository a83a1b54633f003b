"use server";
import { publicAction, refusalState } from "@/lib/actions/action-client";
import { getDb } from "@/lib/db/client";
import { requestIp } from "@/lib/rate-limit/request-ip";
import { signUp } from "@/lib/users/sign-up";
import { ZSignUpInput } from "@/lib/users/schemas";

export const signUpAction = publicAction(ZSignUpInput, async (input) => {
  const result = await signUp(await getDb(), input, { ip: await requestIp() });
  if (!result.ok) return refusalState(result);
  return { ok: true, data: { email: input.email } };
});
