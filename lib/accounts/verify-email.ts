// Confirming the email of a new account. Sign-up sends a single-use link (24 h, stored as an HMAC,
// lib/accounts/tokens.ts); until it is used the account can sign in but not order or pay
// (standing.ts). The link page asks for a click before using the link, so that a mail scanner
// that opens links does not burn it.
import type { Db } from "@/lib/db/connection";
import type { Tx } from "@/lib/ledger/transaction";
import { enqueueMail, panelLink } from "@/lib/mail";
import { tooManyMessage } from "@/lib/rate-limit/policies";
import { fail, type Failure } from "@/lib/result";
import { accountMailLimits } from "./limits";
import { issueToken, TOKEN_LIFETIME_MS, redeemToken } from "./tokens";

/** Issues a link and puts the email in the outbox (in the caller's transaction). */
export async function sendVerificationEmail(tx: Tx, user: { id: number; email: string }): Promise<void> {
  const token = await issueToken(tx, user.id, "verify_email");
  await enqueueMail(tx, {
    to: user.email,
    template: "verify-email",
    data: { url: panelLink("/verify-email", { token }), hours: TOKEN_LIFETIME_MS.verify_email / 3_600_000 },
  });
}

/** "Send it again", from the signed-in account (limited per account). */
export async function resendVerification(db: Db, userId: number): Promise<{ ok: true } | Failure> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, emailVerifiedAt: true } });
  if (!user) return fail("no_account", "No such account.");
  if (user.emailVerifiedAt) return fail("update_failed", "Your email address is already confirmed.");
  const throttle = await (await accountMailLimits()).verifyResendPerAccount.take(`user:${user.id}`);
  if (!throttle.allowed) return fail("rate_limited", tooManyMessage(throttle.retryAfterSeconds, "emails"), { data: { retryAfterSeconds: throttle.retryAfterSeconds } });
  await db.$transaction((tx) => sendVerificationEmail(tx, user));
  return { ok: true };
}

/** Uses a verification link: the account's email counts as confirmed from now on. */
export async function confirmEmail(db: Db, token: string, now = new Date()): Promise<{ ok: true; email: string } | Failure> {
  return db.$transaction(async (tx) => {
    const used = await redeemToken(tx, "verify_email", token, now);
    if ("ok" in used) return used;
    const user = await tx.user.update({ where: { id: used.userId }, data: { emailVerifiedAt: new Date() }, select: { email: true } });
    return { ok: true as const, email: user.email };
  });
}
