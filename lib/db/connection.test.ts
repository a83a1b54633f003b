import { afterAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "./connection";

afterAll(closeDb);

describe("database rules enforced by PostgreSQL itself", () => {
  it("refuses a negative balance, ledger updates and deletes, a wrong-signed entry, a broken chain and a balance its ledger does not explain", async () => {
    const db = await getDb();
    const user = await db.user.create({ data: { email: `rules-${Date.now()}@test.local`, passwordHash: "x" } });
    await expect(db.user.update({ where: { id: user.id }, data: { balance: "-0.000001" } })).rejects.toThrow();

    // A balance and its ledger entry move together, in one transaction.
    const [, entry] = await db.$transaction([
      db.user.update({ where: { id: user.id }, data: { balance: "5" } }),
      db.ledgerEntry.create({ data: { userId: user.id, kind: "credit", amount: "5", balanceAfter: "5" } }),
    ]);
    await expect(db.ledgerEntry.update({ where: { id: entry.id }, data: { amount: "6" } })).rejects.toThrow(/append-only/);
    await expect(db.ledgerEntry.delete({ where: { id: entry.id } })).rejects.toThrow(/append-only/);
    await expect(
      db.ledgerEntry.create({ data: { userId: user.id, kind: "debit", amount: "1", balanceAfter: "6" } }),
    ).rejects.toThrow(/LedgerEntry_sign/);
    await expect(
      db.$transaction([
        db.user.update({ where: { id: user.id }, data: { balance: "3" } }),
        db.ledgerEntry.create({ data: { userId: user.id, kind: "debit", amount: "-1", balanceAfter: "3" } }),
      ]),
    ).rejects.toThrow(/is not the previous/);
    await expect(db.user.update({ where: { id: user.id }, data: { balance: "7" } })).rejects.toThrow(/last ledger entry says/);
    await expect(
      db.ledgerEntry.create({ data: { userId: user.id, kind: "credit", amount: "1", balanceAfter: "6" } }),
    ).rejects.toThrow(/last ledger entry says/);
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.balance.toString()).toBe("5");
    expect(await db.ledgerEntry.count({ where: { userId: user.id } })).toBe(1);
  });

  it("hides secrets unless selected explicitly", async () => {
    const db = await getDb();
    const user = await db.user.create({ data: { email: `omit-${Date.now()}@test.local`, passwordHash: "secret-hash" } });
    const read = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect("passwordHash" in read).toBe(false);
    const withHash = await db.user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } });
    expect(withHash.passwordHash).toBe("secret-hash");
  });
});
