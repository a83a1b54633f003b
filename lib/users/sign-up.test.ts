// Issue 12, finding 9: sign-up answers the same whether or not the email has an account (through
// the real server action the form posts to), and a taken email's account is left untouched.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpAction } from "@/components/auth/actions/sign-up-action";
import { initialActionState } from "@/lib/actions/action-state";
import { verifyPassword } from "@/lib/auth/password";
import { closeDb, getDb, type Db } from "@/lib/db/connection";

let db: Db;
beforeAll(async () => {
  db = await getDb();
});
afterAll(closeDb);

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};

describe("sign-up", () => {
  it("gives the same answer for a new and a taken email, and changes nothing for the taken one", async () => {
    const taken = `taken-${Date.now()}@test.local`;
    const first = await signUpAction(initialActionState, form({ email: taken, password: "first-password-1" }));
    const again = await signUpAction(initialActionState, form({ email: taken, password: "other-password-2" }));
    const fresh = await signUpAction(initialActionState, form({ email: `fresh-${Date.now()}@test.local`, password: "first-password-1" }));
    expect(first).toEqual({ ok: true });
    expect(again).toEqual(first);
    expect(fresh).toEqual(first);
    const row = await db.user.findUniqueOrThrow({ where: { email: taken }, omit: { passwordHash: false } });
    expect(await verifyPassword(row.passwordHash, "first-password-1")).toBe(true);
    expect(await db.user.count({ where: { email: taken } })).toBe(1);
  });

  it("still explains what was typed wrong, beside the field", async () => {
    const bad = await signUpAction(initialActionState, form({ email: "not-an-email", password: "short" }));
    expect(bad).toMatchObject({ fieldErrors: { email: "Enter a valid email address.", password: "Use at least 10 characters." } });
  });
});
