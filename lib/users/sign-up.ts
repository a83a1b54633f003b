// Public sign-up. The answer is the same whether or not the email already has an account, so the
// form is no oracle for which addresses are customers: the form then signs in with what was typed,
// which succeeds for a new account (and for the owner of an old one who typed their password) and
// otherwise fails exactly like the sign-in page, under its throttle. Without email confirmation no
// sign-up can hide existence completely (sign up, then try to sign in); what it can do is make
// every probe cost a throttled sign-in attempt. See SECURITY.md.
import type { Db } from "@/lib/db/connection";
import { panelLimits, tooManyMessage } from "@/lib/rate-limit/policies";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { createUser, EMAIL_TAKEN } from "./create-user";
import { ZSignUpInput } from "./schemas";

export type SignUpResult =
  | { ok: true }
  | { ok: false; error?: string; fieldErrors?: Partial<Record<"email" | "password" | "name", string>> };

/** Sign-ups per IP are limited (shared across processes); only well-formed attempts count. */
export async function signUp(db: Db, input: unknown, { ip }: { ip: string }): Promise<SignUpResult> {
  const parsed = ZSignUpInput.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const throttle = await (await panelLimits()).signUpPerIp.take(ip);
  if (!throttle.allowed) return { ok: false, error: tooManyMessage(throttle.retryAfterSeconds, "sign-ups from your network") };
  const created = await createUser(db, parsed.data, "customer");
  if (created.ok) return { ok: true };
  // A taken email: createUser already did the same password hashing as a success, and nothing
  // was written. Every other refusal is about what was typed and says so beside the field.
  const taken = Object.keys(created.fieldErrors).length === 1 && created.fieldErrors.email === EMAIL_TAKEN;
  return taken ? { ok: true } : created;
}
