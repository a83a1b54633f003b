// The floor for bench/placement.ts: what a Next route on this database costs when it does one
// INSERT and nothing else. Its table exists only in the bench's own database.
import type { Db } from "@/lib/db/connection";

export const BASELINE_TABLE_SQL = `CREATE TABLE IF NOT EXISTS bench_baseline (id serial PRIMARY KEY, body text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`;

export async function insertBaselineRow(db: Db, body: string): Promise<number> {
  const rows = await db.$queryRaw<{ id: number }[]>`INSERT INTO bench_baseline (body) VALUES (${body}) RETURNING id`;
  return rows[0]!.id;
}
