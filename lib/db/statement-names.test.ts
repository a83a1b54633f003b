// Named statements: PostgreSQL parses and plans each once per connection, and the number of
// names stays bounded. Checked on the real server through pg_prepared_statements.
import { afterEach, expect, it } from "vitest";
import { openAdapter } from "./adapter";
import { PrismaClient } from "./generated/client";
import { boundedStatementNames } from "./statement-names";
import { resolveDatabaseTarget } from "./target";

it("gives one name per statement text, the same each time, and none past the limit", () => {
  const name = boundedStatementNames(2);
  const a = name({ sql: "SELECT 1" });
  expect(a).toMatch(/^s_[\w-]{27}$/);
  expect(name({ sql: "SELECT 1" })).toBe(a);
  const b = name({ sql: "SELECT 2" });
  expect(b).not.toBe(a);
  expect(name({ sql: "SELECT 3" })).toBeUndefined();
  expect(name({ sql: "SELECT 1" })).toBe(a);
});

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const one of opened.splice(0)) await one.close();
  delete process.env.DATABASE_PREPARED_STATEMENTS;
});

/** A client on one connection, so that what it prepared can be read back on that connection. */
async function oneConnectionClient() {
  const adapter = await openAdapter(resolveDatabaseTarget(), { poolSize: 1 });
  const client = new PrismaClient({ adapter: adapter.factory });
  opened.push({ close: async () => (await client.$disconnect(), await adapter.close()) });
  return client;
}

const preparedHere = (client: PrismaClient) =>
  client.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement LIKE '%statement-names-probe%' AND statement NOT LIKE '%pg_prepared_statements%'`.then((rows) => rows[0]!.n);

it("prepares a statement once on its connection and reuses it", async () => {
  const client = await oneConnectionClient();
  for (let i = 0; i < 3; i++) expect(await client.$queryRaw`SELECT ${i}::int AS i, 'statement-names-probe' AS probe`).toEqual([{ i, probe: "statement-names-probe" }]);
  expect(await preparedHere(client)).toBe(1);
});

it("DATABASE_PREPARED_STATEMENTS=0 sends every statement unnamed", async () => {
  process.env.DATABASE_PREPARED_STATEMENTS = "0";
  const client = await oneConnectionClient();
  for (let i = 0; i < 3; i++) await client.$queryRaw`SELECT ${i}::int AS i, 'statement-names-probe' AS probe`;
  expect(await preparedHere(client)).toBe(0);
});
