// Throwaway PostgreSQL databases for tests: each run creates its own and drops it afterwards,
// so parallel runs and reruns never collide. PostgreSQL unreachable is an error, never a skip.
import crypto from "node:crypto";
import pg from "pg";
import { migrateDatabase } from "@/lib/db/migrate";

export const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `Integration tests need PostgreSQL at ${new URL(ADMIN_URL).host} (set TEST_POSTGRES_URL to use another). ` +
        `Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n` +
        `Cause: ${(error as Error).message}`,
    );
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(label = "panel_test"): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${label}_${Date.now().toString(36)}_${crypto.randomBytes(4).toString("hex")}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const drop = () => admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined);
  try {
    await migrateDatabase({ kind: "postgres", url: url.toString() });
  } catch (error) {
    await drop();
    throw error;
  }
  return { url: url.toString(), drop };
}
