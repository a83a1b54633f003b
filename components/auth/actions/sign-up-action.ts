"use server";
import { publicAction } from "@/lib/actions/action-client";
import { getDb } from "@/lib/db/client";
import { createUser } from "@/lib/users/create-user";
import { ZSignUpInput } from "@/lib/users/schemas";

export const signUpAction = publicAction(ZSignUpInput, async (input) => {
  const result = await createUser(await getDb(), input, "customer");
  if (!result.ok) return { fieldErrors: result.fieldErrors };
  return { ok: true };
});
