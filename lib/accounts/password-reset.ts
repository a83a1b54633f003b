// "Forgot password?": a single-use link valid for one hour, sent only when the address has an
// active account; the answer is the same either way. Asking is limited per address typed and per
// client address. Setting the new password ends every session of the account (sessionVersion),
// confirms the email (the link proved it) and mails a notice.
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db/connection";
import { enqueueMail, panelLink } from "@/lib/mail";
import { tooManyMessage } from "@/lib/rate-limit/policies";
import { fail, type Failure } from "@/lib/result";
import { accountMailLimits } from "./limits";
import { issueToken, TOKEN_LIFETIME_MS, redeemToken } from "./tokens";

export type ResetRequestResult = { ok: true } | Failure;

export async function requestPasswordReset(db: Db, email: string, { ip }: { ip: string }): Promise<ResetRequestResult> {
  const limits = await accountMailLimits();
  for (const [limit, key] of [[limits.resetPerIp, `ip:${ip}`], [limits.resetPerEmail, `email:${email}`]] as const) {
    const throttle = await limit.take(key);
    if (!throttle.allowed) return fail("rate_limited", tooManyMessage(throttle.retryAfterSeconds, "requests"), { data: { retryAfterSeconds: throttle.retryAfterSeconds } });
  }
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, status: true } });
  if (!user || user.status !== "active") return { ok: true };
  await db.$transaction(async (tx) => {
    const token = await issueToken(tx, user.id, "reset_password");
    await enqueueMail(tx, {
      to: user.email,
      template: "password-reset",
      data: { url: panelLink("/reset-password", { token }), minutes: TOKEN_LIFETIME_MS.reset_password / 60_000 },
    });
  });
  return { ok: true };
}

/** Uses a reset link (newPassword parsed by ZNewPassword at the boundary). */
export async function resetPassword(db: Db, token: string, newPassword: string, now = new Date()): Promise<{ ok: true; email: string } | Failure> {
  const passwordHash = await hashPassword(newPassword);
  return db.$transaction(async (tx) => {
    const used = await redeemToken(tx, "reset_password", token, now);
    if ("ok" in used) return used;
    const user = await tx.user.update({
      where: { id: used.userId },
      data: { passwordHash, sessionVersion: { increment: 1 }, emailVerifiedAt: new Date() },
      select: { email: true, emailVerifiedAt: true },
    });
    await enqueueMail(tx, { to: user.email, template: "password-changed", data: { resetUrl: panelLink("/forgot-password") } });
    return { ok: true as const, email: user.email };
  });
}
