// Public sign-up. The answer is the same whether or not the email already has an account, so the
// form is no oracle for which addresses are customers: the form then signs in with what was typed,
// which succeeds for a new account (and for the owner of an old one who typed their password) and
// otherwise fails exactly like the sign-in page, under its throttle. Without email confirmation no
// sign-up can hide existence completely (sign up, then try to sign in); what it can do is make
// every probe cost a throttled sign-in attempt. See SECURITY.md.
import type { Db } from "@/lib/db/connection";
import { createUser, EMAIL_TAKEN } from "./create-user";

export type SignUpResult = { ok: true } | { ok: false; fieldErrors: Partial<Record<"email" | "password" | "name", string>> };

export async function signUp(db: Db, input: unknown): Promise<SignUpResult> {
  const created = await createUser(db, input, "customer");
  if (created.ok) return { ok: true };
  // A taken email: createUser already did the same password hashing as a success, and nothing
  // was written. Every other refusal is about what was typed and says so beside the field.
  const taken = Object.keys(created.fieldErrors).length === 1 && created.fieldErrors.email === EMAIL_TAKEN;
  return taken ? { ok: true } : created;
}
