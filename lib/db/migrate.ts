import { openAdapter } from "./adapter";
import { applyMigrations, openSchemaEngine } from "./schema-engine";
import type { DatabaseTarget } from "./target";

/** Applies pending migrations exactly as `prisma migrate deploy` would, offline, on PostgreSQL or PGlite. */
export async function migrateDatabase(target: DatabaseTarget): Promise<string[]> {
  const opened = await openAdapter(target, { poolSize: 2, forMigrations: true });
  try {
    const engine = await openSchemaEngine(opened.factory);
    try {
      return await applyMigrations(engine);
    } finally {
      engine.free();
    }
  } finally {
    await opened.close();
  }
}
