// A customer revokes one of their API keys. Refusals are lib/result failures.
import type { Db } from "@/lib/db/connection";
import { fail, type Failure } from "@/lib/result";

export type RevokeApiKeyResult = { ok: true; alreadyRevoked: boolean } | Failure;

const notFound = () => fail("not_found", "API key not found.");

/**
 * Revokes one of the customer's keys; it stops working with the next request. Another
 * customer's key id answers exactly like one that does not exist.
 */
export async function revokeApiKey(db: Db, customerId: number, keyId: number, now = new Date()): Promise<RevokeApiKeyResult> {
  if (!Number.isSafeInteger(keyId) || keyId <= 0 || keyId > 2_147_483_647) return notFound();
  const revoked = await db.apiKey.updateMany({ where: { id: keyId, userId: customerId, revokedAt: null }, data: { revokedAt: now } });
  if (revoked.count === 1) return { ok: true, alreadyRevoked: false };
  const existing = await db.apiKey.findFirst({ where: { id: keyId, userId: customerId }, select: { id: true } });
  return existing ? { ok: true, alreadyRevoked: true } : notFound();
}
