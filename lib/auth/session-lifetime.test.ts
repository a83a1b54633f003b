// Issue 12, finding 3: sign-out revokes the token itself (a copy stops working) and an idle
// session ends. The real next-auth sign-out hook and the real session check, on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JWT } from "next-auth/jwt";
import { closeDb, getDb, type Db } from "@/lib/db/connection";
import { authOptions } from "./options";
import { sessionUserOf } from "./session";
import { DEFAULT_IDLE_MINUTES, idleTimeoutMs } from "./session-lifetime";

let db: Db;
beforeAll(async () => {
  db = await getDb();
});
afterAll(closeDb);

async function signedIn(): Promise<JWT> {
  const email = `session-${Date.now()}-${Math.random().toString(36).slice(2)}@test.local`;
  const user = await db.user.create({ data: { email, passwordHash: "x" }, select: { id: true, sessionVersion: true } });
  const token = (await authOptions.callbacks!.jwt!({
    token: { email },
    user: { id: String(user.id), email, role: "customer", sessionVersion: user.sessionVersion },
    account: null,
  } as never)) as JWT;
  return token;
}

describe("session lifetime", () => {
  it("sign-out revokes the token: a copy of it no longer signs anyone in", async () => {
    const token = await signedIn();
    const copy = { ...token };
    expect(await sessionUserOf(db, copy)).toMatchObject({ id: token.uid });
    await authOptions.events!.signOut!({ token } as never);
    expect(await sessionUserOf(db, copy)).toBeNull();
    // Signing out again with the dead token changes nothing more.
    const row = await db.user.findUniqueOrThrow({ where: { id: token.uid! }, select: { sessionVersion: true } });
    await authOptions.events!.signOut!({ token } as never);
    expect((await db.user.findUniqueOrThrow({ where: { id: token.uid! }, select: { sessionVersion: true } })).sessionVersion).toBe(row.sessionVersion);
  });

  it("an idle session ends; activity keeps it; a week-old one ends regardless", async () => {
    const token = await signedIn();
    const idle = idleTimeoutMs();
    expect(idle).toBe(DEFAULT_IDLE_MINUTES * 60_000);
    const now = token.seen! + idle + 1;
    expect(await sessionUserOf(db, token, now)).toBeNull();
    expect(await sessionUserOf(db, { ...token, seen: now - 1000 }, now)).toMatchObject({ id: token.uid });
    const later = token.since! + 7 * 24 * 3600_000 + 1;
    expect(await sessionUserOf(db, { ...token, seen: later - 1000 }, later)).toBeNull();
    // Tokens issued before these clocks existed count as ended.
    expect(await sessionUserOf(db, { uid: token.uid, sv: token.sv })).toBeNull();
  });

  it("SESSION_IDLE_MINUTES is bounded, and a wrong value names itself", () => {
    expect(idleTimeoutMs({ SESSION_IDLE_MINUTES: "15" })).toBe(15 * 60_000);
    expect(idleTimeoutMs({})).toBe(DEFAULT_IDLE_MINUTES * 60_000);
    for (const bad of ["0", "-5", "abc", "99999999999", "10081"]) expect(() => idleTimeoutMs({ SESSION_IDLE_MINUTES: bad }), bad).toThrow("SESSION_IDLE_MINUTES: must be");
  });
});
