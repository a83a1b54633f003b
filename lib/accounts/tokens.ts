// Single-use links and codes sent by email. The token itself goes into the email only; the table
// keeps an HMAC of it (keyed with NEXTAUTH_SECRET, so a leaked table cannot even be brute-forced
// for six-digit codes), its purpose, expiry and use. Using one is a conditional UPDATE, so two
// requests with the same link cannot both succeed.
import crypto from "node:crypto";
import { authSecret } from "@/lib/auth/secret";
import type { AccountTokenPurpose } from "@/lib/db/generated/enums";
import type { Tx } from "@/lib/ledger/transaction";
import { fail, type Failure } from "@/lib/result";

export const TOKEN_LIFETIME_MS: Record<AccountTokenPurpose, number> = {
  verify_email: 24 * 3_600_000,
  change_email: 24 * 3_600_000,
  reset_password: 3_600_000,
  sign_in_code: 10 * 60_000,
};

/** The stored form of a token (codes are hashed with their account, so two accounts' codes never collide). */
export function tokenDigest(purpose: AccountTokenPurpose, token: string, userId?: number): string {
  return crypto.createHmac("sha256", authSecret()).update(`${purpose}\n${userId ?? ""}\n${token}`).digest("base64url");
}

/** Issues a link token (43 characters of randomness); earlier unused ones of the same purpose stop working. */
export async function issueToken(tx: Tx, userId: number, purpose: Exclude<AccountTokenPurpose, "sign_in_code">, extra: { newEmail?: string; now?: Date } = {}): Promise<string> {
  const now = extra.now ?? new Date();
  const token = crypto.randomBytes(32).toString("base64url");
  await tx.accountToken.updateMany({ where: { userId, purpose, usedAt: null }, data: { expiresAt: now } });
  await tx.accountToken.create({
    data: { userId, purpose, tokenHash: tokenDigest(purpose, token), newEmail: extra.newEmail ?? null, expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]) },
  });
  return token;
}

export type UsedToken = { userId: number; newEmail: string | null };

const LINK_PROBLEMS = {
  link_invalid: "This link is not valid. Ask for a new one.",
  link_expired: "This link has expired. Ask for a new one.",
  link_used: "This link was already used. Ask for a new one if you still need it.",
} as const;

/** Uses a link token once: the account it belongs to, or why not (invalid, expired, already used). */
export async function redeemToken(tx: Tx, purpose: Exclude<AccountTokenPurpose, "sign_in_code">, token: string, now = new Date()): Promise<UsedToken | Failure> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return fail("link_invalid", LINK_PROBLEMS.link_invalid);
  const tokenHash = tokenDigest(purpose, token);
  const used = await tx.accountToken.updateManyAndReturn({
    where: { tokenHash, purpose, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
    select: { userId: true, newEmail: true },
  });
  if (used[0]) return used[0];
  const row = await tx.accountToken.findUnique({ where: { tokenHash }, select: { purpose: true, usedAt: true } });
  if (!row || row.purpose !== purpose) return fail("link_invalid", LINK_PROBLEMS.link_invalid);
  return row.usedAt ? fail("link_used", LINK_PROBLEMS.link_used) : fail("link_expired", LINK_PROBLEMS.link_expired);
}

/** When the last token of this purpose was issued to the account (for "wait before asking again"). */
export async function lastIssuedAt(tx: Tx, userId: number, purpose: AccountTokenPurpose): Promise<Date | null> {
  const last = await tx.accountToken.findFirst({ where: { userId, purpose }, orderBy: { createdAt: "desc" }, select: { createdAt: true } });
  return last?.createdAt ?? null;
}
