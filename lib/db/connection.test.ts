import { afterAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "./connection";

afterAll(closeDb);

describe("database rules enforced by PostgreSQL itself", () => {
  it("refuses a negative balance, ledger updates and deletes, and a second refund", async () => {
    const db = await getDb();
    const user = await db.user.create({ data: { email: `rules-${Date.now()}@test.local`, passwordHash: "x" } });
    await expect(db.user.update({ where: { id: user.id }, data: { balance: "-0.000001" } })).rejects.toThrow();

    const entry = await db.ledgerEntry.create({
      data: { userId: user.id, kind: "credit", amount: "5", balanceAfter: "5" },
    });
    await expect(db.ledgerEntry.update({ where: { id: entry.id }, data: { amount: "6" } })).rejects.toThrow(/append-only/);
    await expect(db.ledgerEntry.delete({ where: { id: entry.id } })).rejects.toThrow(/append-only/);
    await expect(
      db.ledgerEntry.create({ data: { userId: user.id, kind: "charge", amount: "1", balanceAfter: "4" } }),
    ).rejects.toThrow();
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
