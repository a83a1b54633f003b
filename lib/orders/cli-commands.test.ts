// The operator commands of this area, run through the real CLI entry point against a database
// of their own (ledger:verify checks the whole database, which other test files share).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/lib/db/connection";
import { createTestDatabase } from "@/scripts/test/test-database";
import { createCustomer, parsed, runCliCommand, serviceOfType, startTestProvider, TEST_LINK, writeBehindTheDatabasesBack, type TestProvider } from "@/lib/testing/fixtures";
import { createPayment } from "@/lib/payments/create-payment";
import { reviewPayment } from "@/lib/payments/review-payment";
import { ZCreatePaymentInput, ZReviewPaymentInput } from "@/lib/payments/schemas";
import { createMethod, makeAdminAndCustomer } from "@/lib/payments/testing/fixtures";
import { placeOrder } from "./place-order";

let dropDatabase: () => Promise<void>;
let sharedUrl: string | undefined;
let provider: TestProvider;

beforeAll(async () => {
  await closeDb();
  const own = await createTestDatabase("panel_cli_test");
  dropDatabase = own.drop;
  sharedUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = own.url;
  provider = await startTestProvider(await getDb(), { sync: false });
});
afterAll(async () => {
  await provider.close();
  await closeDb();
  process.env.DATABASE_URL = sharedUrl;
  await dropDatabase();
});

const cli = runCliCommand;

describe("operator commands", () => {
  it("funds:add credits through the ledger; ledger:verify prints totals and fails on a mismatch", async () => {
    const db = await getDb();
    const user = await db.user.findUniqueOrThrow({ where: { id: await createCustomer(db) } });
    expect(await cli("funds:add", "--email", user.email.toUpperCase(), "--amount", "12.5", "--reason", "bank transfer")).toEqual({
      code: 0,
      text: `Added 12.500000 to ${user.email}; balance now 12.500000.`,
    });
    expect((await cli("funds:add", "--email", user.email, "--amount=-3", "--reason", "x")).code).toBe(1);
    expect((await cli("funds:add", "--email", user.email, "--amount", "0", "--reason", "x")).code).toBe(1);
    expect((await cli("funds:add", "--email", "nobody@test.local", "--amount", "3", "--reason", "x")).code).toBe(1);
    expect((await cli("funds:add", "--email", user.email)).code).toBe(2);

    const verified = await cli("ledger:verify");
    expect(verified.code).toBe(0);
    expect(verified.text).toMatch(/^credits \(admin\)\s+12\.50$/m);
    expect(verified.text).toMatch(/customer balances\s+12\.50/);
    expect(verified.text).toMatch(/conservation: .* holds/);
    expect(verified.text).toContain("Ledger OK.");

    // The database refuses a balance without its entry; a repair with triggers off could still leave one.
    await writeBehindTheDatabasesBack(await getDb(), (tx) => tx.$executeRaw`UPDATE "User" SET balance = balance + 1 WHERE id = ${user.id}`);
    const broken = await cli("ledger:verify");
    expect(broken.code).toBe(1);
    expect(broken.text).toContain("MISMATCH [balance]");
    expect(broken.text).toContain("BROKEN");
    await writeBehindTheDatabasesBack(await getDb(), (tx) => tx.$executeRaw`UPDATE "User" SET balance = balance - 1 WHERE id = ${user.id}`);
  });

  it("ledger:verify prints deposits, bonuses and chargebacks each on its own line, not as refunds", async () => {
    const db = await getDb();
    const { admin, customer } = await makeAdminAndCustomer(db);
    const methodId = await createMethod(db, admin as { id: number; role: "admin" }, { gateway: "manual", minAmount: "5", maxAmount: "1000" }, [["100", "5"]]);
    const created = await createPayment(db, customer, parsed(ZCreatePaymentInput, { methodId, amount: "100", reference: "cli-verify-1" }));
    if (!created.ok) throw new Error(created.message);
    expect(await reviewPayment(db, admin as { id: number; role: "admin" }, parsed(ZReviewPaymentInput, { paymentId: created.paymentId, decision: "approve", reason: "seen" }))).toEqual({ ok: true, state: "paid" });
    const verified = await cli("ledger:verify");
    expect(verified.code).toBe(0);
    expect(verified.text).toMatch(/^deposits\s+100\.00$/m);
    expect(verified.text).toMatch(/^bonuses\s+5\.00$/m);
    expect(verified.text).toMatch(/^chargebacks\s+0\.00$/m);
    expect(verified.text).toMatch(/^refunds \(failed\)\s+0\.00$/m);
    expect(verified.text).toMatch(/conservation: .* holds/);
  });

  it("catalog:sync imports a provider's catalog at a markup", async () => {
    const db = await getDb();
    const { name } = await db.provider.findUniqueOrThrow({ where: { id: provider.providerId } });
    expect((await cli("catalog:sync", name, "--markup", "abc")).code).toBe(2);
    expect((await cli("catalog:sync", "no-such-provider", "--markup", "25%")).code).toBe(1);
    const synced = await cli("catalog:sync", name, "--markup", "25%");
    expect(synced).toMatchObject({ code: 0, text: expect.stringContaining("services: 40 new, 0 updated, 0 no longer listed") });
    expect(await (await getDb()).service.count({ where: { providerId: provider.providerId, markupPercent: 25 } })).toBe(40);
  });

  it("order:resolve settles an unknown order once; sync:once runs a pass", async () => {
    let db = await getDb();
    const customerId = await createCustomer(db, "100");
    const service = await serviceOfType(db, provider.providerId, "Default", { min: { lte: 100 } });
    provider.sim.setFault("add", { type: "http502", times: 1 });
    const placed = await placeOrder(db, customerId, { serviceId: service.id, link: TEST_LINK, quantity: 100 });
    if (!placed.ok || placed.order.state !== "unknown") throw new Error("expected an unknown order");
    const id = String(placed.order.id);
    expect((await cli("order:resolve", id)).code).toBe(2);
    expect((await cli("order:resolve", id, "--failed", "--placed", "123")).code).toBe(2);
    expect(await cli("order:resolve", id, "--failed")).toEqual({ code: 0, text: `Order ${id} marked failed; charge refunded.` });
    expect(await cli("order:resolve", id, "--placed", "123")).toEqual({ code: 1, text: `Order ${id} is failed, not unknown: nothing changed.` });
    db = await getDb();
    expect((await db.user.findUniqueOrThrow({ where: { id: customerId } })).balance.toFixed(6)).toBe("100.000000");

    const once = await cli("sync:once");
    expect(once.code).toBe(0);
    expect((await cli("ledger:verify")).code).toBe(0);
  });
});
