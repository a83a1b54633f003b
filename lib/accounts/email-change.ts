// Changing the sign-in email: the current password first (throttled like any password guess), then
// a single-use link (24 h) to the new address and a notice to the old one. The change happens when
// the link is used; it ends every session (they carry the old email) and tells the old address. A
// new address that already has an account gets the same answer and no mail, so this form is no
// oracle for which addresses are customers either.
import { z } from "zod";
import { verifyPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db/connection";
import { Prisma } from "@/lib/db/generated/client";
import { enqueueMail, panelLink } from "@/lib/mail";
import { panelLimits, tooManyMessage } from "@/lib/rate-limit/policies";
import { fail, fieldRefusal, type Failure } from "@/lib/result";
import { ZEmail } from "@/lib/users/schemas";
import { accountMailLimits } from "./limits";
import { issueToken, TOKEN_LIFETIME_MS, redeemToken } from "./tokens";

export const ZEmailChangeInput = z.object({
  newEmail: ZEmail,
  currentPassword: z.string().min(1, "Enter your current password.").max(200),
});
export type EmailChangeInput = z.infer<typeof ZEmailChangeInput>;

export async function requestEmailChange(db: Db, userId: number, input: EmailChangeInput, { ip }: { ip: string }): Promise<{ ok: true } | Failure> {
  const guard = (await panelLimits()).currentPassword;
  const account = `user:${userId}`;
  const throttle = await guard.check(account, ip);
  if (!throttle.allowed) return fieldRefusal("rate_limited", "currentPassword", tooManyMessage(throttle.retryAfterSeconds));
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, passwordHash: true } });
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await guard.recordFailure(account, ip);
    return fieldRefusal("wrong_password", "currentPassword", "That is not your current password.");
  }
  await guard.recordSuccess(account, ip);
  if (input.newEmail === user.email) return fieldRefusal("invalid_value", "newEmail", "This is already your email address.");
  const sends = await (await accountMailLimits()).emailChangePerAccount.take(account);
  if (!sends.allowed) return fail("rate_limited", tooManyMessage(sends.retryAfterSeconds, "requests"));
  const taken = await db.user.findUnique({ where: { email: input.newEmail }, select: { id: true } });
  await db.$transaction(async (tx) => {
    await enqueueMail(tx, { to: user.email, template: "email-change-notice", data: { newEmail: input.newEmail, changed: false } });
    if (taken) return;
    const token = await issueToken(tx, user.id, "change_email", { newEmail: input.newEmail });
    await enqueueMail(tx, {
      to: input.newEmail,
      template: "email-change-confirm",
      data: { url: panelLink("/confirm-email", { token }), hours: TOKEN_LIFETIME_MS.change_email / 3_600_000 },
    });
  });
  return { ok: true };
}

/** Uses the link sent to the new address. */
export async function confirmEmailChange(db: Db, token: string, now = new Date()): Promise<{ ok: true; email: string } | Failure> {
  try {
    return await db.$transaction(async (tx) => {
      const used = await redeemToken(tx, "change_email", token, now);
      if ("ok" in used) return used;
      const before = await tx.user.findUniqueOrThrow({ where: { id: used.userId }, select: { email: true } });
      const newEmail = used.newEmail!;
      await tx.user.update({ where: { id: used.userId }, data: { email: newEmail, emailVerifiedAt: new Date(), sessionVersion: { increment: 1 } } });
      await enqueueMail(tx, { to: before.email, template: "email-change-notice", data: { newEmail, changed: true } });
      return { ok: true as const, email: newEmail };
    });
  } catch (error) {
    // The address was taken by another account after the link was sent: nothing changed.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return fail("email_taken", "That address now belongs to another account.");
    throw error;
  }
}
