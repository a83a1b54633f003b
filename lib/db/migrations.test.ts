// The one migration history works on the embedded PGlite too, and matches the Prisma schema.
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { describe, expect, it } from "vitest";
import { applyMigrations, diffMigrationsToSchema, openSchemaEngine } from "./schema-engine";

describe("migrations on PGlite", () => {
  it("apply cleanly, leave nothing for a new migration, and carry the hand-written money rules", async () => {
    const pglite = await PGlite.create();
    const engine = await openSchemaEngine(new PrismaPGlite(pglite));
    try {
      expect((await applyMigrations(engine)).length).toBeGreaterThan(0);
      expect(await applyMigrations(engine)).toEqual([]);
      const drift = await diffMigrationsToSchema(engine);
      expect(drift.replace(/^--.*$/gm, "").trim()).toBe("");
    } finally {
      engine.free();
    }
    await pglite.exec(`INSERT INTO "User"(email, "passwordHash", "updatedAt") VALUES ('a@b.c', 'x', now())`);
    await pglite.exec(`BEGIN;
      UPDATE "User" SET balance = 5 WHERE id = 1;
      INSERT INTO "LedgerEntry"("userId", kind, amount, "balanceAfter") VALUES (1, 'credit', 5, 5);
      COMMIT;`);
    await expect(
      pglite.exec(`INSERT INTO "LedgerEntry"("userId", kind, amount, "balanceAfter") VALUES (1, 'credit', 1, 7)`),
    ).rejects.toThrow(/is not the previous/);
    await expect(pglite.exec(`UPDATE "User" SET balance = 6`)).rejects.toThrow(/last ledger entry says/);
    await expect(pglite.exec(`UPDATE "LedgerEntry" SET amount = 6`)).rejects.toThrow(/append-only/);
    await expect(pglite.exec(`DELETE FROM "LedgerEntry"`)).rejects.toThrow(/append-only/);
    await expect(pglite.exec(`UPDATE "User" SET balance = -1`)).rejects.toThrow(/User_balance_not_negative/);
    await pglite.close();
  }, 120_000);
});
