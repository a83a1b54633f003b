"use server";
import { publicAction } from "@/lib/actions/action-client";
import { getDb } from "@/lib/db/client";
import { signUp } from "@/lib/users/sign-up";
import { ZSignUpInput } from "@/lib/users/schemas";

export const signUpAction = publicAction(ZSignUpInput, async (input) => {
  const result = await signUp(await getDb(), input);
  if (!result.ok) return { fieldErrors: result.fieldErrors };
  return { ok: true };
});
