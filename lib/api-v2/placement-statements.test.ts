// The lean placement road, counted: an `add` over /api/v2 is four statements and no interactive
// transaction (key+customer, service+provider, order+debit+ledger, outcome+event). A change that
// re-reads what was just written, or wraps a step in a transaction again, fails here.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys";
import { openAdapter } from "@/lib/db/adapter";
import { closeDb, getDb } from "@/lib/db/connection";
import { PrismaClient } from "@/lib/db/generated/client";
import { resolveDatabaseTarget } from "@/lib/db/target";
import { verifyLedger } from "@/lib/ledger/verify-ledger";
import { createCustomer, serviceOfType, startTestProvider, type TestProvider } from "@/lib/testing/fixtures";
import { createApiHandler } from "./handle-request";

let provider: TestProvider;
beforeAll(async () => {
  provider = await startTestProvider(await getDb());
});
afterAll(async () => {
  await provider.close();
  await closeDb();
});

it("an add is four statements, none inside BEGIN … COMMIT, and its money is exact", async () => {
  const db = await getDb();
  const service = await serviceOfType(db, provider.providerId, "Default", { min: { lte: 100 } });
  const customerId = await createCustomer(db, "1000");
  const key = await createApiKey(db, customerId, "statements");
  if (!key.ok) throw new Error(key.message);
  const adapter = await openAdapter(resolveDatabaseTarget(), { poolSize: 2 });
  const counted = new PrismaClient({ adapter: adapter.factory, log: [{ emit: "event", level: "query" }] });
  const statements: string[] = [];
  counted.$on("query" as never, (event: { query: string }) => statements.push(event.query.trim().split(/\s+/).slice(0, 3).join(" ")));
  const handler = createApiHandler({ db: async () => counted as unknown as typeof db });
  const add = (link: string) =>
    handler(new Request("http://panel.test/api/v2", { method: "POST", body: new URLSearchParams({ key: key.key, action: "add", service: String(service.id), link, quantity: "100" }) }));
  try {
    expect(await (await add("https://example.com/p/warm")).json()).toMatchObject({ order: expect.any(Number) });
    statements.length = 0;
    const answer = (await (await add("https://example.com/p/counted")).json()) as { order: number };
    expect(statements).toHaveLength(4);
    expect(statements.filter((s) => /^(BEGIN|COMMIT)/i.test(s))).toEqual([]);
    expect(await db.order.findUniqueOrThrow({ where: { id: answer.order } })).toMatchObject({ state: "pending", leaseUntil: null });
    expect(await db.orderEvent.count({ where: { orderId: answer.order, type: "submitted" } })).toBe(1);
    expect((await verifyLedger(db, { customerIds: [customerId] })).ok).toBe(true);
  } finally {
    await counted.$disconnect();
    await adapter.close();
  }
});
