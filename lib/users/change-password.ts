import { z } from "zod";
import type { Db } from "@/lib/db/connection";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { panelLimits, tooManyMessage } from "@/lib/rate-limit/policies";
import { ZNewPassword } from "./schemas";

export const ZChangePasswordInput = z.object({
  currentPassword: z.string().min(1, "Enter your current password.").max(200),
  newPassword: ZNewPassword,
});
export type ChangePasswordInput = z.infer<typeof ZChangePasswordInput>;

/** `sessionVersion`: the account's new one (every session carrying an older one has ended). */
export type ChangePasswordResult = { ok: true; sessionVersion: number } | { ok: false; fieldErrors: Record<string, string> };

/**
 * Changes a password after checking the current one; every existing session of the account ends
 * (the caller may carry its own over to the new version: lib/auth/renew-session.ts).
 * The check is a password guess like a sign-in (a stolen session must not try passwords freely),
 * so it is throttled the same way, per account+IP with backoff, per IP and per account.
 */
export async function changePassword(db: Db, userId: number, input: ChangePasswordInput, { ip }: { ip: string }): Promise<ChangePasswordResult> {
  const guard = (await panelLimits()).currentPassword;
  const account = `user:${userId}`;
  const throttle = await guard.check(account, ip);
  if (!throttle.allowed) return { ok: false, fieldErrors: { currentPassword: tooManyMessage(throttle.retryAfterSeconds) } };
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await guard.recordFailure(account, ip);
    return { ok: false, fieldErrors: { currentPassword: "That is not your current password." } };
  }
  await guard.recordSuccess(account, ip);
  if (input.currentPassword === input.newPassword) {
    return { ok: false, fieldErrors: { newPassword: "Choose a password different from the current one." } };
  }
  const updated = await db.user.update({
    where: { id: userId },
    data: { passwordHash: await hashPassword(input.newPassword), sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  return { ok: true, sessionVersion: updated.sessionVersion };
}
