// API keys against the real database: shown once, stored only as a hash, owned, revocable,
// refused for suspended accounts at once.
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/lib/db/connection";
import { createUser } from "@/lib/users/create-user";
import { authenticateApiKey, createApiKey, hashApiKey, listApiKeys, MAX_ACTIVE_KEYS, revokeApiKey } from ".";

afterAll(closeDb);

async function newCustomer(label: string) {
  const db = await getDb();
  const created = await createUser(db, { email: `${label}-${Date.now()}-${Math.random().toString(36).slice(2)}@keys.test`, password: "keys-test-pass-1" });
  if (!created.ok) throw new Error(created.message);
  return created.user.id;
}

async function created(customerId: number, name = "my tool") {
  const result = await createApiKey(await getDb(), customerId, name);
  if (!result.ok) throw new Error(result.message);
  return result;
}

describe("createApiKey", () => {
  it("returns the key once and stores only its SHA-256 and a short prefix", async () => {
    const db = await getDb();
    const customerId = await newCustomer("create");
    const { key, apiKey } = await created(customerId, "  reseller bot  ");
    expect(key).toMatch(/^rp_[A-Za-z0-9_-]{43}$/);
    expect(apiKey.name).toBe("reseller bot");
    expect(key.startsWith(apiKey.prefix)).toBe(true);
    expect(apiKey.prefix.length).toBeLessThan(16);

    const row = await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id }, omit: { hash: false } });
    expect(row.hash).toBe(hashApiKey(key));
    expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    // The key itself appears in no column.
    expect(JSON.stringify(row)).not.toContain(key.slice(apiKey.prefix.length));
    // And the hash stays in the data layer unless asked for.
    expect("hash" in (await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } }))).toBe(false);

    const second = await created(customerId);
    expect(second.key).not.toBe(key);
  });

  it("refuses a blank or overlong name and writes nothing", async () => {
    const db = await getDb();
    const customerId = await newCustomer("badname");
    for (const name of ["", "   ", "x".repeat(101), "tab\tname", 42]) {
      const result = await createApiKey(db, customerId, name);
      expect(result).toMatchObject({ ok: false, code: "invalid_value", fields: { name: { message: expect.stringMatching(/\S/) } } });
    }
    expect(await db.apiKey.count({ where: { userId: customerId } })).toBe(0);
  });

  it(`stops at ${MAX_ACTIVE_KEYS} active keys; revoking one makes room`, async () => {
    const db = await getDb();
    const customerId = await newCustomer("many");
    const ids: number[] = [];
    for (let index = 0; index < MAX_ACTIVE_KEYS; index++) ids.push((await created(customerId, `k${index}`)).apiKey.id);
    const refused = await createApiKey(db, customerId, "one too many");
    expect(refused.ok).toBe(false);
    await revokeApiKey(db, customerId, ids[0]);
    expect((await createApiKey(db, customerId, "now fine")).ok).toBe(true);
  });
});

describe("authenticateApiKey", () => {
  it("finds the owner of a live key and refuses unknown, revoked and malformed keys", async () => {
    const db = await getDb();
    const customerId = await newCustomer("auth");
    const { key, apiKey } = await created(customerId);
    expect(await authenticateApiKey(db, key)).toEqual({ customerId, keyId: apiKey.id, mayOrder: true });
    for (const wrong of [key.slice(0, -1), `${key}x`, key.toUpperCase(), "", " ", "x".repeat(5000), null, undefined, 123]) {
      expect(await authenticateApiKey(db, wrong)).toBeNull();
    }
    expect(await revokeApiKey(db, customerId, apiKey.id)).toEqual({ ok: true, alreadyRevoked: false });
    expect(await authenticateApiKey(db, key)).toBeNull();
  });

  it("refuses every key of a suspended account at once, and accepts them again when reactivated", async () => {
    const db = await getDb();
    const customerId = await newCustomer("suspended");
    const { key } = await created(customerId);
    await db.user.update({ where: { id: customerId }, data: { status: "suspended" } });
    expect(await authenticateApiKey(db, key)).toBeNull();
    expect((await createApiKey(db, customerId, "while suspended")).ok).toBe(false);
    await db.user.update({ where: { id: customerId }, data: { status: "active" } });
    expect(await authenticateApiKey(db, key)).not.toBeNull();
  });

  it("records lastUsedAt at most once a minute", async () => {
    const db = await getDb();
    const customerId = await newCustomer("lastused");
    const { key, apiKey } = await created(customerId);
    const lastUsed = async () => (await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).lastUsedAt;
    expect(await lastUsed()).toBeNull();
    const t0 = new Date("2030-01-01T00:00:00Z");
    await authenticateApiKey(db, key, t0);
    expect(await lastUsed()).toEqual(t0);
    await authenticateApiKey(db, key, new Date(t0.getTime() + 30_000));
    expect(await lastUsed()).toEqual(t0);
    const t2 = new Date(t0.getTime() + 61_000);
    await authenticateApiKey(db, key, t2);
    expect(await lastUsed()).toEqual(t2);
  });
});

describe("listApiKeys and revokeApiKey", () => {
  it("lists only the customer's own keys, newest first, revoked ones marked", async () => {
    const db = await getDb();
    const alice = await newCustomer("alice");
    const bob = await newCustomer("bob");
    const first = await created(alice, "first");
    const second = await created(alice, "second");
    await created(bob, "bob's");
    await revokeApiKey(db, alice, first.apiKey.id);
    const keys = await listApiKeys(db, alice);
    expect(keys.map((k) => k.name)).toEqual(["second", "first"]);
    expect(keys[0].revokedAt).toBeNull();
    expect(keys[1].revokedAt).toBeInstanceOf(Date);
    expect(JSON.stringify(keys)).not.toMatch(/hash/);
    expect(JSON.stringify(keys)).not.toContain(second.key);
  });

  it("answers another customer's key id exactly like a missing one, and leaves that key working", async () => {
    const db = await getDb();
    const alice = await newCustomer("owner");
    const mallory = await newCustomer("mallory");
    const { key, apiKey } = await created(alice);
    expect(await revokeApiKey(db, mallory, apiKey.id)).toEqual({ ok: false, code: "not_found", message: "API key not found." });
    expect(await revokeApiKey(db, mallory, 2_000_000_000)).toEqual({ ok: false, code: "not_found", message: "API key not found." });
    expect(await revokeApiKey(db, mallory, 99_999_999_999)).toEqual({ ok: false, code: "not_found", message: "API key not found." });
    expect(await authenticateApiKey(db, key)).not.toBeNull();
    // Revoking twice is harmless.
    expect(await revokeApiKey(db, alice, apiKey.id)).toEqual({ ok: true, alreadyRevoked: false });
    expect(await revokeApiKey(db, alice, apiKey.id)).toEqual({ ok: true, alreadyRevoked: true });
  });
});
