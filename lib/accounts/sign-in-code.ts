// The emailed one-time code that lets the owner in when their account is under a guessing attack
// (past the per-account failure limit, from an address new to the account; lib/auth/sign-in.ts).
// Six digits, ten minutes, one use; five wrong codes kill it. It is only ever asked for after the
// right password, and is stored as an HMAC bound to the account (tokens.ts).
import crypto from "node:crypto";
import type { Db } from "@/lib/db/connection";
import { enqueueMail } from "@/lib/mail";
import { TOKEN_LIFETIME_MS, tokenDigest } from "./tokens";

export const SIGN_IN_CODE_MAX_FAILURES = 5;
/** A new code is mailed at most this often; asking again sooner reuses the live one. */
const RESEND_AFTER_MS = 60_000;

/** Mails a code unless a live one was mailed within the last minute. */
export async function sendSignInCode(db: Db, user: { id: number; email: string }, now = new Date()): Promise<void> {
  const recent = await db.accountToken.findFirst({
    where: { userId: user.id, purpose: "sign_in_code", usedAt: null, expiresAt: { gt: now }, createdAt: { gt: new Date(now.getTime() - RESEND_AFTER_MS) } },
    select: { id: true },
  });
  if (recent) return;
  const code = crypto.randomInt(0, 1_000_000).toString().padStart(6, "0");
  await db.$transaction(async (tx) => {
    await tx.accountToken.updateMany({ where: { userId: user.id, purpose: "sign_in_code", usedAt: null }, data: { expiresAt: now } });
    await tx.accountToken.create({
      data: { userId: user.id, purpose: "sign_in_code", tokenHash: tokenDigest("sign_in_code", code, user.id), expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS.sign_in_code) },
    });
    await enqueueMail(tx, { to: user.email, template: "sign-in-code", data: { code, minutes: TOKEN_LIFETIME_MS.sign_in_code / 60_000 } });
  });
}

/** Uses a code once; a wrong one counts against the live code. */
export async function redeemSignInCode(db: Db, userId: number, code: string, now = new Date()): Promise<boolean> {
  const typed = code.replace(/\s+/g, "");
  if (/^\d{6}$/.test(typed)) {
    const used = await db.accountToken.updateMany({
      where: { userId, purpose: "sign_in_code", tokenHash: tokenDigest("sign_in_code", typed, userId), usedAt: null, expiresAt: { gt: now }, failures: { lt: SIGN_IN_CODE_MAX_FAILURES } },
      data: { usedAt: now },
    });
    if (used.count === 1) return true;
  }
  await db.accountToken.updateMany({ where: { userId, purpose: "sign_in_code", usedAt: null, expiresAt: { gt: now } }, data: { failures: { increment: 1 } } });
  return false;
}
