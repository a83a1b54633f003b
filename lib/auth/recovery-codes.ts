// Two-factor recovery codes: ten made when two-factor sign-in is turned on, shown once, each
// usable once at sign-in in place of the authenticator's code (a lost phone must not lose the
// account). Stored as SHA-256: each code has 50 random bits, so no slow hash is needed.
import crypto from "node:crypto";
import type { Db } from "@/lib/db/connection";

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

const digest = (code: string) => crypto.createHash("sha256").update(code).digest("base64url");
const normalize = (code: string) => code.trim().toLowerCase().replace(/[\s-]+/g, "");

function newCode(): string {
  const chars = Array.from(crypto.randomBytes(10), (byte) => ALPHABET[byte % ALPHABET.length]).join("");
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** Replaces the account's codes with new ones and returns them (to show once). */
export async function replaceRecoveryCodes(db: Db, userId: number): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
  await db.$transaction([
    db.recoveryCode.deleteMany({ where: { userId } }),
    db.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: digest(normalize(code)) })) }),
  ]);
  return codes;
}

/** Uses a code once (conditional: two sign-ins racing with one code cannot both win). */
export async function redeemRecoveryCode(db: Db, userId: number, code: string): Promise<boolean> {
  const typed = normalize(code);
  if (!/^[a-z0-9]{10}$/.test(typed)) return false;
  const { count } = await db.recoveryCode.updateMany({ where: { userId, codeHash: digest(typed), usedAt: null }, data: { usedAt: new Date() } });
  return count === 1;
}

export async function recoveryCodesLeft(db: Db, userId: number): Promise<number> {
  return db.recoveryCode.count({ where: { userId, usedAt: null } });
}
