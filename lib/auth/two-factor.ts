// Two-factor sign-in (TOTP, RFC 6238, otplib) for every account (customers since issue 23), with
// ten single-use recovery codes made when it is turned on (recovery-codes.ts). The secret is sealed
// at rest like provider API keys (AES-256-GCM with PROVIDER_KEY_SECRET); a code is accepted once
// (the time step of the last accepted code is stored, so a code seen over a shoulder cannot be
// replayed) and code guesses count against the same sign-in throttle as passwords. With
// ADMIN_TWO_FACTOR=required, an admin without it can sign in only to set it up (requireStaff
// sends them to the account page and admin actions refuse).
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import { z } from "zod";
import { config } from "@/lib/config";
import type { Db } from "@/lib/db/connection";
import { replaceRecoveryCodes } from "./recovery-codes";
import { decryptProviderKey as openSecret, encryptProviderKey as sealSecret } from "@/lib/providers/key-encryption";

export const TOTP_ISSUER = "Reseller Panel";
/** One step either side (30 s): clocks drift, and a code typed at the end of its window still counts. */
const EPOCH_TOLERANCE = 30;

export type TwoFactorUser = { id: number; role: "customer" | "staff" | "admin" };

/** ADMIN_TWO_FACTOR=required: every admin must have it (staff may). */
export function twoFactorRequired(user: Pick<TwoFactorUser, "role">): boolean {
  return user.role === "admin" && config().ADMIN_TWO_FACTOR === "required";
}

export type TwoFactorState =
  | { status: "off" }
  | { status: "pending"; qrDataUrl: string; secret: string }
  | { status: "on"; since: Date };

/** For the account page: what to show, including the QR code while setting up. */
export async function twoFactorState(db: Db, userId: number): Promise<TwoFactorState> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, totpSecretEncrypted: true, totpEnabledAt: true } });
  if (user.totpEnabledAt) return { status: "on", since: user.totpEnabledAt };
  if (!user.totpSecretEncrypted) return { status: "off" };
  const secret = openSecret(user.totpSecretEncrypted);
  const uri = generateURI({ issuer: TOTP_ISSUER, label: user.email, secret });
  return { status: "pending", secret, qrDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 220 }) };
}

export type TwoFactorResult = { ok: true } | { ok: false; field?: "code"; error: string };
export type TwoFactorConfirmed = { ok: true; recoveryCodes: string[] } | { ok: false; field?: "code"; error: string };

/** Starts (or restarts) setting up: a new secret, not yet required at sign-in. */
export async function beginTwoFactorSetup(db: Db, user: TwoFactorUser): Promise<TwoFactorResult> {
  const { count } = await db.user.updateMany({
    where: { id: user.id, totpEnabledAt: null },
    data: { totpSecretEncrypted: sealSecret(generateSecret()), totpLastStep: null },
  });
  return count ? { ok: true } : { ok: false, error: "Two-factor sign-in is already on." };
}

/** Checks a code against the stored secret and burns its time step. */
async function acceptCode(db: Db, userId: number, code: string, { enabledOnly }: { enabledOnly: boolean }): Promise<boolean> {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return false;
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpSecretEncrypted: true, totpEnabledAt: true, totpLastStep: true } });
  if (!user?.totpSecretEncrypted || (enabledOnly && !user.totpEnabledAt)) return false;
  const result = await verify({
    secret: openSecret(user.totpSecretEncrypted),
    token,
    epochTolerance: EPOCH_TOLERANCE,
    ...(user.totpLastStep !== null ? { afterTimeStep: user.totpLastStep } : {}),
  });
  if (!result.valid) return false;
  // TOTP results carry their time step (the union type also covers HOTP, which has none).
  const step = (result as { timeStep: number }).timeStep;
  // Conditional: two requests racing with one code cannot both win.
  const { count } = await db.user.updateMany({
    where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  return count === 1;
}

/** Finishes setting up with a first code from the app: from now on sign-in asks for one. Returns the recovery codes (shown once). */
export async function confirmTwoFactor(db: Db, user: TwoFactorUser, code: string): Promise<TwoFactorConfirmed> {
  if (!(await acceptCode(db, user.id, code, { enabledOnly: false }))) return { ok: false, field: "code", error: "That code is not valid. Enter the current 6-digit code." };
  await db.user.updateMany({ where: { id: user.id, totpEnabledAt: null }, data: { totpEnabledAt: new Date() } });
  return { ok: true, recoveryCodes: await replaceRecoveryCodes(db, user.id) };
}

/** Turning it off needs a current code too (a borrowed session alone cannot); refused when required. */
export async function disableTwoFactor(db: Db, user: TwoFactorUser, code: string): Promise<TwoFactorResult> {
  if (twoFactorRequired(user)) return { ok: false, error: "Two-factor sign-in is required for admin accounts here." };
  if (!(await acceptCode(db, user.id, code, { enabledOnly: true }))) return { ok: false, field: "code", error: "That code is not valid. Enter the current 6-digit code." };
  await db.$transaction([
    db.user.update({ where: { id: user.id }, data: { totpSecretEncrypted: null, totpEnabledAt: null, totpLastStep: null, sessionVersion: { increment: 1 } } }),
    db.recoveryCode.deleteMany({ where: { userId: user.id } }),
  ]);
  return { ok: true };
}

/** At sign-in, after the password: whether this code lets the account in. */
export function verifySignInCode(db: Db, userId: number, code: string): Promise<boolean> {
  return acceptCode(db, userId, code, { enabledOnly: true });
}

export const ZTwoFactorCode = z.object({
  code: z.string().trim().regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app."),
});
