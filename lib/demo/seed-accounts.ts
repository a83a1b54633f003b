import type { Db } from "@/lib/db/connection";
import { createUser, type Role } from "@/lib/users/create-user";

export type SeedAccount = { email: string; password: string; role: Role };

/** Creates each account unless its email exists already (seeding is repeatable). */
export async function seedAccounts(db: Db, accounts: SeedAccount[]): Promise<void> {
  for (const account of accounts) {
    const existing = await db.user.findUnique({ where: { email: account.email }, select: { id: true } });
    if (existing) continue;
    const result = await createUser(db, { email: account.email, password: account.password }, account.role);
    if (!result.ok) throw new Error(`Cannot seed ${account.email}: ${result.message}`);
  }
}
