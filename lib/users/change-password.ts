import { z } from "zod";
import type { Db } from "@/lib/db/connection";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { ZNewPassword } from "./schemas";

export const ZChangePasswordInput = z.object({
  currentPassword: z.string().min(1, "Enter your current password.").max(200),
  newPassword: ZNewPassword,
});
export type ChangePasswordInput = z.infer<typeof ZChangePasswordInput>;

export type ChangePasswordResult = { ok: true } | { ok: false; fieldErrors: Record<string, string> };

/** Changes a password after checking the current one; every existing session of the account ends. */
export async function changePassword(db: Db, userId: number, input: ChangePasswordInput): Promise<ChangePasswordResult> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    return { ok: false, fieldErrors: { currentPassword: "That is not your current password." } };
  }
  if (input.currentPassword === input.newPassword) {
    return { ok: false, fieldErrors: { newPassword: "Choose a password different from the current one." } };
  }
  await db.user.update({
    where: { id: userId },
    data: { passwordHash: await hashPassword(input.newPassword), sessionVersion: { increment: 1 } },
  });
  return { ok: true };
}
