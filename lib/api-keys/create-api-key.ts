import type { Db } from "@/lib/db/connection";
import { generateApiKey, hashApiKey, visiblePrefix } from "./key-material";
import { ZApiKeyName } from "./schemas";
import type { ApiKeySummary } from "./list-api-keys";

/** More active keys than this is a sign of keys being created instead of reused; revoke some first. */
export const MAX_ACTIVE_KEYS = 20;

export type CreateApiKeyResult =
  | { ok: true; key: string; apiKey: ApiKeySummary }
  | { ok: false; error: string; fieldErrors?: Record<string, string> };

/** Creates a key for an active account. `key` is returned here once and is never readable again. */
export async function createApiKey(db: Db, customerId: number, name: unknown): Promise<CreateApiKeyResult> {
  const parsed = ZApiKeyName.safeParse(name);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "Give the key a name.";
    return { ok: false, error: message, fieldErrors: { name: message } };
  }
  const owner = await db.user.findUnique({ where: { id: customerId }, select: { status: true } });
  if (!owner) return { ok: false, error: "No such account." };
  if (owner.status !== "active") return { ok: false, error: "This account is suspended." };
  const active = await db.apiKey.count({ where: { userId: customerId, revokedAt: null } });
  if (active >= MAX_ACTIVE_KEYS) {
    return { ok: false, error: `You already have ${MAX_ACTIVE_KEYS} active keys. Revoke one you no longer use first.` };
  }
  const key = generateApiKey();
  const row = await db.apiKey.create({
    data: { userId: customerId, name: parsed.data, prefix: visiblePrefix(key), hash: hashApiKey(key) },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
  return { ok: true, key, apiKey: row };
}
