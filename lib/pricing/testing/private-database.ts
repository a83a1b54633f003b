// Pricing tests set global and category rules, which would reprice other test files' catalogs in
// the shared test database: they run on a database of their own instead. Only tests import this.
import { closeDb, getDb, type Db } from "@/lib/db/connection";
import { createTestDatabase } from "@/scripts/test/test-database";

export async function usePrivateDatabase(label: string): Promise<{ db: Db; release(): Promise<void> }> {
  const shared = process.env.DATABASE_URL;
  await closeDb();
  const database = await createTestDatabase(label);
  process.env.DATABASE_URL = database.url;
  const db = await getDb();
  return {
    db,
    async release() {
      await closeDb();
      process.env.DATABASE_URL = shared;
      await database.drop();
    },
  };
}
