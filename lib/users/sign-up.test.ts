// Issue 12, finding 9: sign-up answers the same whether or not the email has an account (the
// function the sign-up action calls), and a taken email's account is left untouched.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { closeDb, getDb, type Db } from "@/lib/db/connection";
import { parsed } from "@/lib/testing/fixtures";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { ZSignUpInput } from "./schemas";
import { signUp } from "./sign-up";

let db: Db;
beforeAll(async () => {
  db = await getDb();
});
afterAll(closeDb);

// Each call from its own address: the per-IP sign-up limit is tested in lib/rate-limit.
let n = 0;
// The sign-up action parses the form with ZSignUpInput first, as here.
const attempt = (fields: Record<string, string>) => signUp(db, parsed(ZSignUpInput, fields), { ip: `192.0.2.${++n}` });

describe("sign-up", () => {
  it("gives the same answer for a new and a taken email, and changes nothing for the taken one", async () => {
    const taken = `taken-${Date.now()}@test.local`;
    const first = await attempt({ email: taken, password: "first-password-1" });
    const again = await attempt({ email: taken, password: "other-password-2" });
    const fresh = await attempt({ email: `fresh-${Date.now()}@test.local`, password: "first-password-1" });
    expect(first).toEqual({ ok: true });
    expect(again).toEqual(first);
    expect(fresh).toEqual(first);
    const row = await db.user.findUniqueOrThrow({ where: { email: taken }, omit: { passwordHash: false } });
    expect(await verifyPassword(row.passwordHash, "first-password-1")).toBe(true);
    expect(await db.user.count({ where: { email: taken } })).toBe(1);
  });

  it("still explains what was typed wrong, beside the field", async () => {
    const bad = ZSignUpInput.safeParse({ email: "not-an-email", password: "short" });
    expect(bad.success ? {} : fieldErrorsOf(bad.error)).toMatchObject({ email: "Enter a valid email address.", password: "Use at least 10 characters." });
  });
});
