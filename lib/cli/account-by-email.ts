// The account a CLI command names with --email, looked up the same way by every command
// (trimmed, lower-cased); a missing one is said on stderr, and the command exits with 1.
import type { Db } from "@/lib/db/connection";

export type CliAccount = { id: number; email: string; role: string };

export async function accountByEmail(db: Db, rawEmail: unknown): Promise<CliAccount | null> {
  const email = String(rawEmail).trim().toLowerCase();
  const account = await db.user.findUnique({ where: { email }, select: { id: true, email: true, role: true } });
  if (!account) console.error(`No account with email ${email}.`);
  return account;
}
