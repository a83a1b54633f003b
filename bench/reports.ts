// npm run bench (registered in bench/run.ts) — the reports at real size: 100,000 orders with their
// ledger entries over a year, aggregated in PostgreSQL (lib/reports) against a baseline measured in
// the same run: the same figures computed in the app from every order and entry. Asserts nothing.
import { closeDb, getDb } from "@/lib/db/connection";
import { Decimal } from "@/lib/money";
import { moneyReport, moneyTotals } from "@/lib/reports/money-report";
import { createTestDatabase } from "../scripts/test/test-database";

const ORDERS = Number(process.env.BENCH_REPORT_ORDERS ?? 100_000);
const line = (label: string, figure: string) => console.log(`${label.padEnd(44)} ${figure}`);

async function timed<T>(fn: () => Promise<T>, runs = 3): Promise<{ ms: number; value: T }> {
  let value = await fn(); // warm-up
  const started = performance.now();
  for (let i = 0; i < runs; i++) value = await fn();
  return { ms: (performance.now() - started) / runs, value };
}

const database = await createTestDatabase("panel_bench_reports");
try {
  process.env.DATABASE_URL = database.url;
  const db = await getDb();
  const seedStarted = performance.now();
  // Seeded in SQL: the point is the report's speed, not the placement's (bench/run.ts measures that).
  await db.$executeRawUnsafe(`INSERT INTO "Provider" (name, "apiUrl", "apiKeyEncrypted", "updatedAt") VALUES ('bench', 'http://127.0.0.1:9/api/v2', 'none', now())`);
  await db.$executeRawUnsafe(`INSERT INTO "User" (email, "passwordHash", balance, "updatedAt") SELECT 'c' || i || '@bench.test', 'x', 0, now() FROM generate_series(1, 500) i`);
  await db.$executeRawUnsafe(`INSERT INTO "Service" ("providerId", "upstreamId", name, type, category, "upstreamRate", "sellRate", min, max, "updatedAt")
    SELECT (SELECT id FROM "Provider" LIMIT 1), 's' || i, 'Service ' || i, 'Default', 'Bench', 1, 1.25, 10, 100000, now() FROM generate_series(1, 1000) i`);
  await db.$executeRawUnsafe(`INSERT INTO "Order" ("userId", kind, "serviceId", "providerId", quantity, charge, "upstreamCost", state, "requestHash", remains, "createdAt", "updatedAt")
    SELECT (SELECT min(id) FROM "User") + (i % 500), 'service', (SELECT min(id) FROM "Service") + (i % 1000), (SELECT id FROM "Provider" LIMIT 1),
           1000, 1.25 + (i % 7) * 0.1, CASE WHEN i % 10 = 0 THEN NULL ELSE 1 END,
           (CASE WHEN i % 10 = 3 THEN 'partial' WHEN i % 10 = 5 THEN 'canceled' ELSE 'completed' END)::"OrderState", 'h' || i,
           CASE WHEN i % 10 = 3 THEN 250 ELSE NULL END,
           timestamp '2025-01-01' + (i * interval '1 second' * 315), now()
      FROM generate_series(1, ${ORDERS}) i`);
  // The reports read amounts only: the entries are written without their balances, so with the
  // ledger's chain and balance triggers off for this one transaction (they would refuse them).
  await db.$transaction([
    db.$executeRawUnsafe(`SET LOCAL session_replication_role = replica`),
    db.$executeRawUnsafe(`INSERT INTO "LedgerEntry" ("userId", kind, amount, "balanceAfter", "orderId") SELECT "userId", 'charge', -charge, 0, id FROM "Order"`),
    db.$executeRawUnsafe(`INSERT INTO "LedgerEntry" ("userId", kind, amount, "balanceAfter", "orderId")
      SELECT "userId", CASE WHEN state = 'partial' THEN 'refund_partial' ELSE 'refund_canceled' END::"LedgerKind",
             CASE WHEN state = 'partial' THEN round(charge * 0.25, 6) ELSE charge END, 0, id FROM "Order" WHERE state IN ('partial', 'canceled')`),
  ]);
  await db.$executeRawUnsafe(`ANALYZE`);
  line("reports: seeded", `${ORDERS} orders, ${await db.ledgerEntry.count()} ledger entries in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);

  const window = { from: new Date("2025-01-01T00:00:00Z"), to: new Date("2026-01-01T00:00:00Z") };
  const byDay = await timed(() => moneyReport(db, { ...window, group: "period", period: "day" }));
  const byService = await timed(() => moneyReport(db, { ...window, group: "service" }));
  const byCustomer = await timed(() => moneyReport(db, { ...window, group: "customer" }));
  const totals = await timed(() => moneyTotals(db, window));

  // Baseline: every order and its entries into the app, summed with exact decimals there.
  const naive = await timed(async () => {
    const orders = await db.order.findMany({
      where: { createdAt: { gte: window.from, lt: window.to } },
      select: { id: true, createdAt: true, ledgerEntries: { select: { kind: true, amount: true } } },
    });
    const days = new Map<string, Decimal>();
    for (const o of orders) {
      const day = o.createdAt.toISOString().slice(0, 10);
      const revenue = o.ledgerEntries.reduce((sum, e) => sum.minus(e.amount.toFixed()), new Decimal(0));
      days.set(day, (days.get(day) ?? new Decimal(0)).plus(revenue));
    }
    return days;
  }, 1);
  const naiveTotal = [...naive.value.values()].reduce((s, d) => s.plus(d), new Decimal(0)).toFixed(6);
  line("reports: by day, 1 year (SQL)", `${byDay.ms.toFixed(0)} ms, ${byDay.value.length} rows`);
  line("reports: by service (SQL, top 100)", `${byService.ms.toFixed(0)} ms`);
  line("reports: by customer (SQL, top 100)", `${byCustomer.ms.toFixed(0)} ms`);
  line("reports: totals (SQL)", `${totals.ms.toFixed(0)} ms, revenue ${totals.value.revenue}`);
  line("reports: baseline, by day summed in the app", `${naive.ms.toFixed(0)} ms, revenue ${naiveTotal} (${naiveTotal === totals.value.revenue ? "same" : "DIFFERENT"})`);
  line("reports: by day, SQL vs baseline", `${(naive.ms / byDay.ms).toFixed(1)}× faster`);
} finally {
  await closeDb();
  await database.drop();
}
