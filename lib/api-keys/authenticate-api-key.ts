import type { Db } from "@/lib/db/connection";
import { hashApiKey, MAX_PRESENTED_KEY_LENGTH } from "./key-material";

/** `mayOrder`: active and its email confirmed (lib/accounts/standing.ts), read in the same query. */
export type ApiCustomer = { customerId: number; keyId: number; mayOrder: boolean };

/** lastUsedAt is a hint for people, not an audit log: written at most once a minute per key. */
export const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The customer a presented key belongs to, or null when it is unknown, revoked, or its account
 * is not active. Read from the database on every call, so a revoke or a suspension takes effect
 * with the very next request.
 */
export async function authenticateApiKey(db: Db, key: unknown, now = new Date()): Promise<ApiCustomer | null> {
  if (typeof key !== "string" || key === "" || key.length > MAX_PRESENTED_KEY_LENGTH) return null;
  // The key and its customer in one query (a nested select would be two): every API request pays it.
  const rows = await db.$queryRaw<{ id: number; userId: number; revokedAt: Date | null; lastUsedAt: Date | null; status: string; verified: boolean }[]>`
    SELECT k.id, k."userId", k."revokedAt", k."lastUsedAt", u.status::text AS status, u."emailVerifiedAt" IS NOT NULL AS verified
    FROM "ApiKey" k JOIN "User" u ON u.id = k."userId"
    WHERE k.hash = ${hashApiKey(key)}`;
  const row = rows[0];
  if (!row || row.revokedAt || row.status !== "active") return null;
  const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (!row.lastUsedAt || row.lastUsedAt < stale) {
    // Conditional, so that a burst of requests writes once.
    await db.apiKey.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: stale } }] },
      data: { lastUsedAt: now },
    });
  }
  return { customerId: row.userId, keyId: row.id, mayOrder: row.verified };
}
