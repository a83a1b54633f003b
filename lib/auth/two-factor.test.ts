// Admin two-factor sign-in: set up with a confirmed code, then the real sign-in (next-auth's
// authorize) asks for a code, refuses a wrong or replayed one, and ADMIN_TWO_FACTOR=required
// keeps an admin without it out of admin actions. Secrets are sealed at rest.
import crypto from "node:crypto";
import { generate } from "otplib";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { closeDb, getDb, type Db } from "@/lib/db/connection";
import { authOptions } from "./options";
import { beginTwoFactorSetup, confirmTwoFactor, disableTwoFactor, twoFactorState, twoFactorRequired } from "./two-factor";

let db: Db;
beforeAll(async () => {
  db = await getDb();
});
afterEach(() => {
  delete process.env.ADMIN_TWO_FACTOR;
});
afterAll(closeDb);

const PASSWORD = "admin-password-1";
async function admin() {
  const email = `tfa-${Date.now()}-${crypto.randomBytes(3).toString("hex")}@test.local`;
  const row = await db.user.create({ data: { email, passwordHash: await hashPassword(PASSWORD), role: "admin" }, select: { id: true, role: true } });
  return { ...row, email };
}
const randomIp = () => `198.51.100.${crypto.randomInt(1, 255)}`;
const authorize = (credentials: Record<string, string>, ip = randomIp()) => {
  const provider = authOptions.providers[0] as unknown as { options: { authorize(c: unknown, r: unknown): Promise<unknown> } };
  return provider.options.authorize(credentials, { headers: { "x-forwarded-for": ip } });
};
const secretOf = async (userId: number) => {
  const state = await twoFactorState(db, userId);
  if (state.status !== "pending") throw new Error(`not pending: ${state.status}`);
  return state.secret;
};

describe("two-factor sign-in", () => {
  it("is set up by scanning and confirming a code; the secret is sealed at rest", async () => {
    const user = await admin();
    expect(await twoFactorState(db, user.id)).toEqual({ status: "off" });
    expect(await beginTwoFactorSetup(db, user)).toEqual({ ok: true });
    const state = await twoFactorState(db, user.id);
    expect(state).toMatchObject({ status: "pending", qrDataUrl: expect.stringMatching(/^data:image\/png;base64,/) });
    const secret = await secretOf(user.id);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, omit: { totpSecretEncrypted: false } });
    expect(row.totpSecretEncrypted).toMatch(/^v1\./);
    expect(row.totpSecretEncrypted).not.toContain(secret);
    // Until confirmed, sign-in does not ask for a code.
    expect(await authorize({ email: user.email, password: PASSWORD })).toMatchObject({ email: user.email });
    expect(await confirmTwoFactor(db, user, "000000")).toMatchObject({ ok: false, field: "code" });
    expect(await confirmTwoFactor(db, user, await generate({ secret }))).toMatchObject({ ok: true });
    expect(await twoFactorState(db, user.id)).toMatchObject({ status: "on" });
  });

  it("sign-in then asks for the code, refuses a wrong one and a replayed one", async () => {
    const user = await admin();
    await beginTwoFactorSetup(db, user);
    const secret = await secretOf(user.id);
    // Confirmed with the previous step's code, so that the current one is still unused.
    const previous = await generate({ secret, epoch: Math.floor(Date.now() / 1000) - 30 });
    expect(await confirmTwoFactor(db, user, previous)).toMatchObject({ ok: true });

    await expect(authorize({ email: user.email, password: PASSWORD })).rejects.toThrow("TWO_FACTOR_REQUIRED");
    await expect(authorize({ email: user.email, password: PASSWORD, code: "123456" })).rejects.toThrow("TWO_FACTOR_INVALID");
    // A wrong password with a code is still just a wrong password.
    expect(await authorize({ email: user.email, password: "wrong-password-9", code: "123456" })).toBeNull();
    const code = await generate({ secret });
    expect(await authorize({ email: user.email, password: PASSWORD, code })).toMatchObject({ email: user.email });
    await expect(authorize({ email: user.email, password: PASSWORD, code })).rejects.toThrow("TWO_FACTOR_INVALID");
  });

  it("turning it off needs a current code; ADMIN_TWO_FACTOR=required forbids that and applies to admins only", async () => {
    const user = await admin();
    await beginTwoFactorSetup(db, user);
    const secret = await secretOf(user.id);
    await confirmTwoFactor(db, user, await generate({ secret, epoch: Math.floor(Date.now() / 1000) - 30 }));
    process.env.ADMIN_TWO_FACTOR = "required";
    expect(twoFactorRequired(user)).toBe(true);
    expect(twoFactorRequired({ role: "staff" })).toBe(false);
    expect(await disableTwoFactor(db, user, await generate({ secret }))).toMatchObject({ ok: false, error: expect.stringContaining("required") });
    delete process.env.ADMIN_TWO_FACTOR;
    expect(await disableTwoFactor(db, user, "999999")).toMatchObject({ ok: false, field: "code" });
    expect(await disableTwoFactor(db, user, await generate({ secret }))).toEqual({ ok: true });
    expect(await twoFactorState(db, user.id)).toEqual({ status: "off" });
  });

  it("customers may turn it on too, and get ten single-use recovery codes (issue 23)", async () => {
    const email = `tfa-c-${Date.now()}@test.local`;
    const row = await db.user.create({ data: { email, passwordHash: await hashPassword(PASSWORD), emailVerifiedAt: new Date() }, select: { id: true, role: true } });
    expect(await beginTwoFactorSetup(db, row)).toEqual({ ok: true });
    const state = await twoFactorState(db, row.id);
    if (state.status !== "pending") throw new Error(`expected pending, got ${state.status}`);
    const confirmed = await confirmTwoFactor(db, row, await generate({ secret: state.secret }));
    if (!confirmed.ok) throw new Error(confirmed.error);
    expect(confirmed.recoveryCodes).toHaveLength(10);
    expect(new Set(confirmed.recoveryCodes).size).toBe(10);
    // Stored hashed: no code appears in the table.
    const stored = JSON.stringify(await db.recoveryCode.findMany({ where: { userId: row.id }, omit: { codeHash: false } }));
    for (const code of confirmed.recoveryCodes) expect(stored).not.toContain(code.replace("-", ""));
    await expect(authorize({ email, password: PASSWORD })).rejects.toThrow("TWO_FACTOR_REQUIRED");
    expect(await authorize({ email, password: PASSWORD, code: confirmed.recoveryCodes[3]! })).toMatchObject({ email });
    await expect(authorize({ email, password: PASSWORD, code: confirmed.recoveryCodes[3]! })).rejects.toThrow("TWO_FACTOR_INVALID");
  });
});
