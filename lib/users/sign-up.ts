// Public sign-up. The answer is the same whether or not the email already has an account ("check
// your inbox"), so the form is no oracle for which addresses are customers: a new address gets a
// confirmation link (lib/accounts/verify-email.ts), a taken one gets a mail telling its owner that
// someone tried to sign up with it (at most one an hour). Both paths hash the password and write
// one outbox row, so they also cost the same. See SECURITY.md. A sign-up that carries a referral
// code (the link's cookie) is recorded as referred by that affiliate (lib/affiliates).
import { recordReferral } from "@/lib/affiliates/record-referral";
import { sendVerificationEmail } from "@/lib/accounts/verify-email";
import type { Db } from "@/lib/db/connection";
import { enqueueMail, panelLink } from "@/lib/mail";
import { panelLimits, tooManyMessage } from "@/lib/rate-limit/policies";
import { fail, type Failure } from "@/lib/result";
import { createUser } from "./create-user";
import type { SignUpInput } from "./schemas";

export type SignUpResult = { ok: true } | Failure;

/**
 * Sign-ups per IP are limited (shared across processes); only well-formed attempts count, so the
 * caller parses with ZSignUpInput first.
 */
export async function signUp(
  db: Db,
  input: SignUpInput,
  { ip, device = null, referralCode = null }: { ip: string; device?: string | null; referralCode?: string | null },
): Promise<SignUpResult> {
  const throttle = await (await panelLimits()).signUpPerIp.take(ip);
  if (!throttle.allowed) {
    return fail("rate_limited", tooManyMessage(throttle.retryAfterSeconds, "sign-ups from your network"), { data: { retryAfterSeconds: throttle.retryAfterSeconds } });
  }
  const created = await createUser(db, input, "customer", { emailVerified: false, signUp: { device, ip } });
  if (created.ok) {
    if (referralCode) await recordReferral(db, { referredId: created.user.id, code: referralCode, email: input.email, device, ip });
    await db.$transaction((tx) => sendVerificationEmail(tx, created.user));
    return { ok: true };
  }
  // Every refusal but a taken email is about what was typed and says so beside the field.
  if (created.code !== "email_taken") return created;
  // createUser already did the same password hashing as a success, and nothing was written.
  const hour = new Date().toISOString().slice(0, 13);
  await enqueueMail(db, {
    to: input.email,
    template: "sign-up-existing",
    data: { signInUrl: panelLink("/sign-in"), resetUrl: panelLink("/forgot-password") },
    dedupeKey: `sign-up-existing:${input.email}:${hour}`,
  });
  return { ok: true };
}
