// Staff money actions run once per idempotency key, on the real database: the same "Add funds"
// POST sent twice, or several times at once, credits once and every copy gets the first answer;
// a key is bound to its admin and its action; the database itself refuses a second claim.
import crypto from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { closeDb, getDb } from "@/lib/db/connection";
import { creditFundsForAdmin } from "@/lib/users/staff-funds";
import { ZCreditFundsForm } from "@/lib/users/schemas";
import { verifyLedger } from "@/lib/ledger/verify-ledger";
import { balanceOf, createCustomer, makeUser } from "@/lib/testing/fixtures";
import { adminMoneyAction, refusalState } from "./action-client";
import { runStaffActionOnce } from "./run-once";

afterAll(closeDb);

async function setUp() {
  const db = await getDb();
  const admin = await makeUser(db, "admin");
  const user: SessionUser = { id: admin.id, email: admin.email, name: null, role: "admin", needsTwoFactorSetup: false, balance: "0", timeZone: null, emailVerified: true };
  const customerId = await createCustomer(db);
  // The same body as components/users/actions/credit-funds-action.ts, without Next's cache calls.
  const addFunds = adminMoneyAction(
    "funds.credit",
    ZCreditFundsForm,
    async (input, actor) => {
      const result = await creditFundsForAdmin(db, actor, input);
      return result.ok ? { ok: true, message: `Added ${result.entryAmount}. Balance now ${result.balance}.` } : refusalState(result);
    },
    async () => user,
  );
  const post = (fields: Record<string, string>) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    return addFunds({}, form);
  };
  return { db, admin, user, customerId, post };
}

const credits = async (customerId: number) => (await getDb()).ledgerEntry.count({ where: { userId: customerId, kind: "credit" } });

describe("staff money actions with an idempotency key", () => {
  it("the same Add funds POST twice credits once; the replay answers the first result", async () => {
    const { customerId, post } = await setUp();
    const fields = { customerId: String(customerId), amount: "25", reason: "bank transfer 77", idempotencyKey: crypto.randomUUID() };
    const first = await post(fields);
    expect(first).toEqual({ ok: true, message: "Added 25.000000. Balance now 25.000000." });
    expect(await post(fields)).toEqual(first);
    expect(await credits(customerId)).toBe(1);
    expect(await balanceOf(await getDb(), customerId)).toBe("25.000000");
    // A new submission (a new key) is a new credit.
    expect(await post({ ...fields, idempotencyKey: crypto.randomUUID() })).toEqual({ ok: true, message: "Added 25.000000. Balance now 50.000000." });
    expect((await verifyLedger(await getDb(), { customerIds: [customerId] })).ok).toBe(true);
  });

  it("the same POST eight times at once credits once, and every copy gets the first answer", async () => {
    const { customerId, post } = await setUp();
    const fields = { customerId: String(customerId), amount: "10.5", reason: "wire", idempotencyKey: crypto.randomUUID() };
    const answers = await Promise.all(Array.from({ length: 8 }, () => post(fields)));
    expect(answers).toEqual(Array(8).fill({ ok: true, message: "Added 10.500000. Balance now 10.500000." }));
    expect(await credits(customerId)).toBe(1);
  });

  it("a refusal is the first answer too; a missing key is refused before anything runs", async () => {
    const { db, customerId, post } = await setUp();
    const staffId = (await makeUser(db, "staff")).id;
    const refused = await post({ customerId: String(staffId), amount: "5", reason: "x", idempotencyKey: crypto.randomUUID() });
    expect(refused).toMatchObject({ error: "Funds can only be added to customer accounts." });
    const missing = await post({ customerId: String(customerId), amount: "5", reason: "x" });
    expect(missing.fieldErrors?.idempotencyKey).toBe("This form is out of date: reload the page.");
    expect(await credits(customerId)).toBe(0);
  });

  it("a key is bound to its admin and its action, and the database refuses a second claim", async () => {
    const { db, user, customerId } = await setUp();
    const key = crypto.randomUUID();
    let runs = 0;
    const run = async () => ({ ok: true, message: `run ${++runs}` });
    expect(await runStaffActionOnce(db, { key, actorId: user.id, action: "funds.credit" }, run)).toEqual({ ok: true, message: "run 1" });
    expect(await runStaffActionOnce(db, { key, actorId: user.id + 1, action: "funds.credit" }, run)).toEqual({ error: "This form is out of date: reload the page." });
    expect(await runStaffActionOnce(db, { key, actorId: user.id, action: "funds.debit" }, run)).toEqual({ error: "This form is out of date: reload the page." });
    expect(runs).toBe(1);
    await expect(db.staffActionKey.create({ data: { key, actorId: user.id, action: "funds.credit" } })).rejects.toThrow();
    // The answer is final: the database refuses to change it.
    await expect(db.staffActionKey.update({ where: { key }, data: { result: { ok: false } } })).rejects.toThrow();
    expect(await credits(customerId)).toBe(0);
  });
});
