import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { config } from "@/lib/config";
import { boundedStatementNames } from "./statement-names";
import { acquirePgliteLock, type DatabaseTarget } from "./target";

export type OpenedAdapter = { factory: SqlMigrationAwareDriverAdapterFactory; close: () => Promise<void> };

/** Opens a driver adapter factory for the target. PGlite is opened (and locked) here; pg connects lazily. */
export async function openAdapter(
  target: DatabaseTarget,
  options: { poolSize?: number; forMigrations?: boolean } = {},
): Promise<OpenedAdapter> {
  if (target.kind === "postgres") {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const prepared = config().DATABASE_PREPARED_STATEMENTS === "1";
    const factory = new PrismaPg({ connectionString: target.url, max: options.poolSize ?? 10 }, prepared ? { statementNameGenerator: boundedStatementNames() } : {});
    return { factory: options.forMigrations ? withWholeScripts(factory) : factory, close: async () => {} };
  }
  const release = acquirePgliteLock(target.dir);
  const { PGlite } = await import("@electric-sql/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  const pglite = await PGlite.create(target.dir);
  const factory = new PrismaPGlite(pglite);
  return {
    factory,
    close: async () => {
      await pglite.close();
      release();
    },
  };
}

/**
 * @prisma/adapter-pg runs a migration script by splitting it on every ";", which breaks
 * hand-written SQL (plpgsql bodies, semicolons in comments) and applies half a migration on
 * failure. Send the script whole instead: PostgreSQL's simple query protocol runs it as one
 * implicit transaction, as the native schema engine does.
 */
function withWholeScripts(factory: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  const patch = async (open: () => Promise<SqlDriverAdapter>) => {
    const adapter = await open();
    const driver = (adapter as unknown as { underlyingDriver(): { query(sql: string): Promise<unknown> } }).underlyingDriver();
    adapter.executeScript = async (script: string) => {
      await driver.query(script);
    };
    return adapter;
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => patch(() => factory.connect()),
    connectToShadowDb: () => patch(() => factory.connectToShadowDb()),
  };
}
