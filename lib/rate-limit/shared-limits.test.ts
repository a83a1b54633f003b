// Issue 12, finding 2: password guessing, sign-ups and web orders are limited in a store every
// app process shares, per account+IP with growing backoff, per IP and per account, so that an
// attacker guessing someone's email cannot lock the real owner out.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { authOptions } from "@/lib/auth/options";
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db/connection";
import { changePassword } from "@/lib/users/change-password";
import { signUp } from "@/lib/users/sign-up";
import { ZSignUpInput } from "@/lib/users/schemas";
import { parsed, withTwoLimiterStores } from "@/lib/testing/fixtures";
import { CREDENTIAL_LIMITS, createCredentialGuard, SIGN_UPS_PER_IP_PER_HOUR, WEB_ORDERS_PER_ACCOUNT_PER_MINUTE } from "./policies";
import type { LimiterStore } from "./store";
import { webOrderRefusal } from "./web-orders";

let db: Db;
let stores: LimiterStore[] = [];
withTwoLimiterStores((ready) => ({ db, stores } = ready));

const randomIp = () => `10.${crypto.randomInt(256)}.${crypto.randomInt(256)}.${crypto.randomInt(1, 255)}`;
const uniqueEmail = (label: string) => `${label}-${Date.now()}-${crypto.randomBytes(3).toString("hex")}@limits.test`;

async function customer(password: string) {
  const email = uniqueEmail("owner");
  const user = await db.user.create({ data: { email, passwordHash: await hashPassword(password) }, select: { id: true } });
  return { id: user.id, email };
}

// The real next-auth authorize of the Credentials provider, as the sign-in route calls it.
const authorize = (email: string, password: string, ip: string) => {
  const provider = authOptions.providers[0] as unknown as { options: { authorize(c: unknown, r: unknown): Promise<unknown> } };
  return provider.options.authorize({ email, password }, { headers: { "x-forwarded-for": ip } });
};

describe("credential guard on a shared PostgreSQL store", () => {
  it("two processes share the count; the block grows; another IP is not affected; a success clears it", async () => {
    const name = `guard-${Date.now()}`;
    const [a, b] = stores.map((store) => createCredentialGuard(store, name));
    const email = uniqueEmail("target");
    const attacker = randomIp();
    for (let i = 0; i < CREDENTIAL_LIMITS.accountIpFailures; i++) {
      expect(await (i % 2 ? a! : b!).check(email, attacker)).toEqual({ allowed: true });
      await (i % 2 ? a! : b!).recordFailure(email, attacker);
    }
    const first = await b!.check(email, attacker);
    expect(first).toMatchObject({ allowed: false });
    expect(first.allowed === false && first.retryAfterSeconds).toBeGreaterThan(CREDENTIAL_LIMITS.backoffBaseSeconds - 5);
    expect(first.allowed === false && first.retryAfterSeconds).toBeLessThanOrEqual(CREDENTIAL_LIMITS.backoffBaseSeconds);
    // The owner, elsewhere, is not blocked.
    expect(await a!.check(email, randomIp())).toEqual({ allowed: true });
    // The next round backs off twice as long.
    await a!.recordFailure(email, attacker);
    const second = await b!.check(email, attacker);
    expect(second.allowed === false && second.retryAfterSeconds).toBeGreaterThan(2 * CREDENTIAL_LIMITS.backoffBaseSeconds - 5);
    await b!.recordSuccess(email, attacker);
    expect(await a!.check(email, attacker)).toEqual({ allowed: true });
  });

  it("per IP: spraying many accounts from one address is stopped", async () => {
    const guard = createCredentialGuard(stores[0]!, `spray-${Date.now()}`);
    const ip = randomIp();
    for (let i = 0; i < CREDENTIAL_LIMITS.ipFailures; i++) await guard.recordFailure(`victim-${i}@x.test`, ip);
    expect(await guard.check("fresh@x.test", ip)).toMatchObject({ allowed: false });
    expect(await guard.check("fresh@x.test", randomIp())).toEqual({ allowed: true });
  });
});

describe("where the limits apply", () => {
  it("sign-in: after 5 wrong passwords from one IP even the right one waits there, while the owner elsewhere signs in", async () => {
    const owner = await customer("owner-password-1");
    const attacker = randomIp();
    for (let i = 0; i < CREDENTIAL_LIMITS.accountIpFailures; i++) expect(await authorize(owner.email, `guess-${i}-password`, attacker)).toBeNull();
    await expect(authorize(owner.email, "owner-password-1", attacker)).rejects.toThrow(/^Too many attempts\. Try again in \d+ seconds\.$/);
    expect(await authorize(owner.email, "owner-password-1", randomIp())).toMatchObject({ email: owner.email });
    // Unknown emails are counted and answered the same way.
    const nobody = uniqueEmail("nobody");
    for (let i = 0; i < CREDENTIAL_LIMITS.accountIpFailures; i++) expect(await authorize(nobody, "whatever-123", attacker)).toBeNull();
    await expect(authorize(nobody, "whatever-123", attacker)).rejects.toThrow(/^Too many attempts/);
  });

  it("current-password check: guesses are throttled like sign-in", async () => {
    const owner = await customer("current-password-1");
    const ip = randomIp();
    for (let i = 0; i < CREDENTIAL_LIMITS.accountIpFailures; i++) {
      const wrong = await changePassword(db, owner.id, { currentPassword: `guess-${i}`, newPassword: "next-password-2" }, { ip });
      expect(wrong).toEqual({ ok: false, fieldErrors: { currentPassword: "That is not your current password." } });
    }
    const right = await changePassword(db, owner.id, { currentPassword: "current-password-1", newPassword: "next-password-2" }, { ip });
    expect(right).toMatchObject({ ok: false, fieldErrors: { currentPassword: expect.stringMatching(/^Too many attempts/) } });
    expect(await changePassword(db, owner.id, { currentPassword: "current-password-1", newPassword: "next-password-2" }, { ip: randomIp() })).toEqual({ ok: true, sessionVersion: expect.any(Number) });
  });

  it("sign-up: a limited number per IP per hour", async () => {
    const ip = randomIp();
    for (let i = 0; i < SIGN_UPS_PER_IP_PER_HOUR; i++) {
      expect(await signUp(db, parsed(ZSignUpInput, { email: uniqueEmail("signup"), password: "sign-up-pass-1" }), { ip })).toEqual({ ok: true });
    }
    const refused = await signUp(db, parsed(ZSignUpInput, { email: uniqueEmail("signup"), password: "sign-up-pass-1" }), { ip });
    expect(refused).toMatchObject({ ok: false, code: "rate_limited", message: expect.stringMatching(/^Too many sign-ups/) });
    expect(await signUp(db, parsed(ZSignUpInput, { email: uniqueEmail("signup"), password: "sign-up-pass-1" }), { ip: randomIp() })).toEqual({ ok: true });
  });

  it("web orders: a limited number per account per minute", async () => {
    const owner = await customer("orders-password-1");
    for (let i = 0; i < WEB_ORDERS_PER_ACCOUNT_PER_MINUTE; i++) expect(await webOrderRefusal(owner.id, randomIp())).toBeNull();
    expect(await webOrderRefusal(owner.id, randomIp())).toMatch(/^Too many orders in a short time/);
  });
});

describe("the PostgreSQL store's table", () => {
  const persistence = async () =>
    (await db.$queryRawUnsafe<{ persistence: string }[]>(`SELECT relpersistence::text AS persistence FROM pg_class WHERE oid = 'rate_limits'::regclass`))[0]?.persistence;

  it("is unlogged (counts need no disk flush), and a logged one left by an earlier version is made unlogged, keeping its counts", async () => {
    expect(stores[0]!.kind).toBe("postgres");
    expect(await persistence()).toBe("u");
    const { createLimiter, openLimiterStore } = await import("./store");
    const limiter = createLimiter(stores[0]!, { keyPrefix: `persist-${Date.now()}`, points: 5, duration: 60 });
    await limiter.consume("one", 2);
    await db.$executeRawUnsafe(`ALTER TABLE rate_limits SET LOGGED`);
    expect(await persistence()).toBe("p");
    const reopened = await openLimiterStore();
    try {
      expect(await persistence()).toBe("u");
      expect((await createLimiter(reopened, { keyPrefix: limiter.keyPrefix, points: 5, duration: 60 }).get("one"))?.consumedPoints).toBe(2);
    } finally {
      await reopened.close();
    }
  });
});
