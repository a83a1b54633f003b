// Public sign-up. The answer is the same whether or not the email already has an account, so the
// form is no oracle for which addresses are customers: the form then signs in with what was typed,
// which succeeds for a new account (and for the owner of an old one who typed their password) and
// otherwise fails exactly like the sign-in page, under its throttle. Without email confirmation no
// sign-up can hide existence completely (sign up, then try to sign in); what it can do is make
// every probe cost a throttled sign-in attempt. See SECURITY.md.
import type { Db } from "@/lib/db/connection";
import { panelLimits, tooManyMessage } from "@/lib/rate-limit/policies";
import { fail, type Failure } from "@/lib/result";
import { createUser } from "./create-user";
import type { SignUpInput } from "./schemas";

export type SignUpResult = { ok: true } | Failure;

/**
 * Sign-ups per IP are limited (shared across processes); only well-formed attempts count, so the
 * caller parses with ZSignUpInput first.
 */
export async function signUp(db: Db, input: SignUpInput, { ip }: { ip: string }): Promise<SignUpResult> {
  const throttle = await (await panelLimits()).signUpPerIp.take(ip);
  if (!throttle.allowed) {
    return fail("rate_limited", tooManyMessage(throttle.retryAfterSeconds, "sign-ups from your network"), { data: { retryAfterSeconds: throttle.retryAfterSeconds } });
  }
  const created = await createUser(db, input, "customer");
  if (created.ok) return { ok: true };
  // A taken email: createUser already did the same password hashing as a success, and nothing
  // was written. Every other refusal is about what was typed and says so beside the field.
  return created.code === "email_taken" ? { ok: true } : created;
}
