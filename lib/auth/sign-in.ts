// Checking a sign-in (the Credentials provider's authorize, options.ts, calls this). The order of
// the checks is the security: throttle first (the same answer for any email), then the password
// with the same work for an unknown email, then the second proofs — the authenticator code when
// the account has two-factor sign-in, and, when the account is past its failure limit and this
// address is new to it, a one-time code sent by email (lib/accounts/sign-in-code.ts). A stranger's
// guesses can therefore slow the owner by one email, never lock them out.
import type { Db } from "@/lib/db/connection";
import { sendSignInCode, redeemSignInCode } from "@/lib/accounts/sign-in-code";
import type { CredentialGuard } from "@/lib/rate-limit/policies";
import { tooManyMessage } from "@/lib/rate-limit/policies";
import { SIGN_IN_ERRORS, type SignInInput } from "@/lib/users/schemas";
import { burnPasswordCheck, verifyPassword } from "./password";
import { verifySignInCode } from "./two-factor";
import { redeemRecoveryCode } from "./recovery-codes";

export type SignedInUser = { id: number; email: string; role: "customer" | "staff" | "admin"; sessionVersion: number };

/** The user, null for a wrong email or password, or an Error whose message is the answer's code. */
export async function checkSignIn(db: Db, guard: CredentialGuard, input: SignInInput, ip: string): Promise<SignedInUser | null> {
  const throttle = await guard.check(input.email, ip);
  // The same answer for an unknown email: failures count for any address typed.
  if (!throttle.allowed) throw new Error(tooManyMessage(throttle.retryAfterSeconds));
  const user = await db.user.findUnique({ where: { email: input.email }, omit: { passwordHash: false } });
  // Same work whether or not the email exists, so the answer does not reveal it.
  if (!user) {
    await burnPasswordCheck(input.password);
    await guard.recordFailure(input.email, ip);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await guard.recordFailure(input.email, ip);
    return null;
  }
  if (user.status !== "active") return null;
  if (user.totpEnabledAt) {
    // The password was right; the code is the second step (and guessing it counts as a failure).
    // A recovery code (xxxxx-xxxxx) stands in for a lost authenticator, once.
    if (!input.code) throw new Error(SIGN_IN_ERRORS.codeRequired);
    const accepted = /^\d{6}$/.test(input.code.replace(/\s+/g, "")) ? await verifySignInCode(db, user.id, input.code) : await redeemRecoveryCode(db, user.id, input.code);
    if (!accepted) {
      await guard.recordFailure(input.email, ip);
      throw new Error(SIGN_IN_ERRORS.codeInvalid);
    }
  } else if (throttle.secondProof) {
    if (!input.code) {
      await sendSignInCode(db, user);
      throw new Error(SIGN_IN_ERRORS.emailCodeRequired);
    }
    if (!(await redeemSignInCode(db, user.id, input.code))) {
      await guard.recordFailure(input.email, ip);
      throw new Error(SIGN_IN_ERRORS.emailCodeInvalid);
    }
  }
  await guard.recordSuccess(input.email, ip);
  return { id: user.id, email: user.email, role: user.role, sessionVersion: user.sessionVersion };
}
