import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/connection";
import { verifyLedger } from "@/lib/ledger";
import { creditFundsForAdmin } from "./staff-funds";
import { getUserDetail } from "./user-detail";
import { makeUser, parsed, withActors, type Actors } from "@/lib/testing/fixtures";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { ZCreditFundsForm } from "./schemas";

let db: Db;
let actors: Actors;
withActors((ready) => ({ db, actors } = ready));

const entriesOf = (userId: number) => db.ledgerEntry.count({ where: { userId } });

describe("user detail and credit funds", () => {
  it("refuses bad amounts and a missing reason beside the fields, writing nothing", async () => {
    const customer = await makeUser(db, "customer");
    const cases: [Record<string, string>, string][] = [
      [{ amount: "abc", reason: "top-up" }, "amount"],
      [{ amount: "0", reason: "top-up" }, "amount"],
      [{ amount: "-5", reason: "top-up" }, "amount"],
      [{ amount: "1.1234567", reason: "top-up" }, "amount"],
      [{ amount: "1,5", reason: "top-up" }, "amount"],
      [{ amount: "1e12", reason: "top-up" }, "amount"],
      [{ amount: "10", reason: "   " }, "reason"],
    ];
    for (const [input, field] of cases) {
      const result = ZCreditFundsForm.safeParse({ customerId: String(customer.id), ...input });
      expect(result.success ? {} : fieldErrorsOf(result.error), JSON.stringify(input)).toMatchObject({ [field]: expect.any(String) });
    }
    expect(await entriesOf(customer.id)).toBe(0);
  });

  it("is admin-only, and only for customer accounts", async () => {
    const customer = await makeUser(db, "customer");
    for (const actor of [actors.staff, actors.customer]) {
      expect(await creditFundsForAdmin(db, actor, parsed(ZCreditFundsForm, { customerId: customer.id, amount: "10", reason: "x" }))).toEqual({ ok: false, code: "not_allowed", message: "Only an admin can do this." });
    }
    for (const target of [actors.admin, actors.staff]) {
      expect(await creditFundsForAdmin(db, actors.admin, parsed(ZCreditFundsForm, { customerId: target.id, amount: "10", reason: "x" }))).toMatchObject({ ok: false, code: "not_a_customer", message: expect.stringContaining("customer accounts") });
      expect(await entriesOf(target.id)).toBe(0);
    }
    expect(await creditFundsForAdmin(db, actors.admin, parsed(ZCreditFundsForm, { customerId: 999_999, amount: "10", reason: "x" }))).toMatchObject({ ok: false, code: "not_found", message: "No such customer." });
    expect(await entriesOf(customer.id)).toBe(0);
  });

  it("credits exactly, with the admin as actor, and the detail shows the entry and the new balance", async () => {
    const customer = await makeUser(db, "customer");
    expect(await creditFundsForAdmin(db, actors.admin, parsed(ZCreditFundsForm, { customerId: String(customer.id), amount: "12.345678", reason: "bank transfer 42" }))).toEqual({
      ok: true, balance: "12.345678", entryAmount: "12.345678",
    });
    expect(await creditFundsForAdmin(db, actors.admin, parsed(ZCreditFundsForm, { customerId: String(customer.id), amount: " 0.1 ", reason: "bonus" }))).toMatchObject({ ok: true, balance: "12.445678" });

    const detail = (await getUserDetail(db, actors.staff, customer.id))!;
    expect(detail.user).toMatchObject({ email: customer.email, role: "customer", balance: "12.445678" });
    expect(detail.ledger.total).toBe(2);
    expect(detail.ledger.entries.map((e) => [e.kind, e.amount, e.balanceAfter, e.reason, e.actor?.email])).toEqual([
      ["credit", "0.100000", "12.445678", "bonus", actors.admin.email],
      ["credit", "12.345678", "12.345678", "bank transfer 42", actors.admin.email],
    ]);
    expect(detail.orders).toEqual([]);
    expect((await verifyLedger(db, { customerIds: [customer.id] })).ok).toBe(true);
  });

  it("detail is for staff only and null for an unknown id", async () => {
    await expect(getUserDetail(db, actors.customer, actors.customer.id)).rejects.toThrow("Staff only.");
    expect(await getUserDetail(db, actors.staff, 999_999)).toBeNull();
    expect(await getUserDetail(db, actors.staff, Number.NaN)).toBeNull();
  });
});
