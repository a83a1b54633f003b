import type { Db } from "@/lib/db/connection";
import { hashApiKey, MAX_PRESENTED_KEY_LENGTH } from "./key-material";

export type ApiCustomer = { customerId: number; keyId: number };

/** lastUsedAt is a hint for people, not an audit log: written at most once a minute per key. */
export const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The customer a presented key belongs to, or null when it is unknown, revoked, or its account
 * is not active. Read from the database on every call, so a revoke or a suspension takes effect
 * with the very next request.
 */
export async function authenticateApiKey(db: Db, key: unknown, now = new Date()): Promise<ApiCustomer | null> {
  if (typeof key !== "string" || key === "" || key.length > MAX_PRESENTED_KEY_LENGTH) return null;
  const row = await db.apiKey.findUnique({
    where: { hash: hashApiKey(key) },
    select: { id: true, userId: true, revokedAt: true, lastUsedAt: true, user: { select: { status: true } } },
  });
  if (!row || row.revokedAt || row.user.status !== "active") return null;
  const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (!row.lastUsedAt || row.lastUsedAt < stale) {
    // Conditional, so that a burst of requests writes once.
    await db.apiKey.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: stale } }] },
      data: { lastUsedAt: now },
    });
  }
  return { customerId: row.userId, keyId: row.id };
}
