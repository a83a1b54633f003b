// The refund rule in its two languages: moveOrders refunds with the SQL form, from the row it moves;
// ledger:verify checks with the TypeScript form. They must agree to the last micro-unit.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/connection";
import { Prisma } from "@/lib/db/generated/client";
import { Decimal } from "@/lib/money";
import { moneyOnEntering } from "@/lib/orders/state-machine";
import { withDatabase } from "@/lib/testing/fixtures";
import { expectedRefund, refundAmountSql } from "./expected-refund";

let db: Db;
withDatabase((ready) => void (db = ready));

const random = (max: number) => crypto.randomInt(0, max);

describe("the refund rule in SQL and in TypeScript", () => {
  it("agrees on edge cases and 2,000 random orders", async () => {
    const cases: { state: "partial" | "canceled" | "failed"; charge: string; quantity: number; remains: number }[] = [
      { state: "partial", charge: "1.000000", quantity: 3, remains: 1 },
      { state: "partial", charge: "0.000001", quantity: 1000, remains: 999 },
      { state: "partial", charge: "99999999999999.999999", quantity: 2_147_483_647, remains: 2_147_483_646 },
      { state: "partial", charge: "5", quantity: 100, remains: -7 },
      { state: "partial", charge: "5", quantity: 100, remains: 2_000_000_000 },
      { state: "canceled", charge: "12.345678", quantity: 10, remains: 3 },
      { state: "failed", charge: "0", quantity: 10, remains: 0 },
    ];
    for (let i = 0; i < 2000; i++) {
      const charge = `${random(1_000_000)}.${String(random(1_000_000)).padStart(6, "0")}`;
      const quantity = 1 + random(10_000_000);
      cases.push({ state: "partial", charge, quantity, remains: random(quantity + 10) - 5 });
    }
    const rows = await db.$queryRaw<{ amount: string }[]>`
      SELECT ${refundAmountSql(Prisma.sql`c.effect`, Prisma.sql`c.charge`, Prisma.sql`c.quantity`, Prisma.sql`c.remains`)}::numeric(20, 6)::text AS amount
      FROM unnest(${cases.map((c) => moneyOnEntering(c.state))}::text[], ${cases.map((c) => c.charge)}::numeric[],
                  ${cases.map((c) => c.quantity)}::int[], ${cases.map((c) => c.remains)}::int[]) WITH ORDINALITY AS c(effect, charge, quantity, remains, n)
      ORDER BY c.n`;
    const expected = cases.map((c) => expectedRefund({ state: c.state, charge: new Decimal(c.charge), quantity: c.quantity, remains: c.remains })!.amount!.toFixed(6));
    const differ = cases.map((c, i) => ({ ...c, sql: rows[i]!.amount, ts: expected[i] })).filter((c) => c.sql !== c.ts);
    expect(differ).toEqual([]);
  });
});
