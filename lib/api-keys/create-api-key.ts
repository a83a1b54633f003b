// A customer's API key for /api/v2, made once: the key itself is answered here and never again
// (the database keeps its hash). Refusals are lib/result failures (a bad name beside the field).
import type { Db } from "@/lib/db/connection";
import { fail, fieldRefusal, type Failure } from "@/lib/result";
import { generateApiKey, hashApiKey, visiblePrefix } from "./key-material";
import { ZApiKeyName } from "./schemas";
import type { ApiKeySummary } from "./list-api-keys";

/** More active keys than this is a sign of keys being created instead of reused; revoke some first. */
export const MAX_ACTIVE_KEYS = 20;

export type CreateApiKeyResult = { ok: true; key: string; apiKey: ApiKeySummary } | Failure;

/** Creates a key for an active account. `key` is returned here once and is never readable again. */
export async function createApiKey(db: Db, customerId: number, name: unknown): Promise<CreateApiKeyResult> {
  const parsed = ZApiKeyName.safeParse(name);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "Give the key a name.";
    return fieldRefusal("invalid_value", "name", message);
  }
  const owner = await db.user.findUnique({ where: { id: customerId }, select: { status: true } });
  if (!owner) return fail("no_account", "No such account.");
  if (owner.status !== "active") return fail("account_suspended", "This account is suspended.");
  const active = await db.apiKey.count({ where: { userId: customerId, revokedAt: null } });
  if (active >= MAX_ACTIVE_KEYS) {
    return fail("too_many_keys", `You already have ${MAX_ACTIVE_KEYS} active keys. Revoke one you no longer use first.`, { data: { max: MAX_ACTIVE_KEYS } });
  }
  const key = generateApiKey();
  const row = await db.apiKey.create({
    data: { userId: customerId, name: parsed.data, prefix: visiblePrefix(key), hash: hashApiKey(key) },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
  return { ok: true, key, apiKey: row };
}
