// npm run db:migration -- <name> — write prisma/migrations/<timestamp>_<name>/migration.sql from schema changes.
// The diff is computed against the existing migrations replayed on a throwaway in-memory PGlite,
// so no database server is needed. Edit the file afterwards to add hand-written SQL (constraints, triggers).
import "../load-env";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { applyMigrations, diffMigrationsToSchema, MIGRATIONS_DIR, openSchemaEngine, writeLockfile } from "@/lib/db/schema-engine";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <name>   (lowercase letters, digits and _)");
  process.exit(2);
}

const pglite = await PGlite.create();
const engine = await openSchemaEngine(new PrismaPGlite(pglite));
await applyMigrations(engine);
const sql = await diffMigrationsToSchema(engine);
engine.free();
await pglite.close();

if (!sql.trim() || /^-- This is an empty migration\.?\s*$/.test(sql.trim())) {
  console.log("The schema matches the migrations: nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/[-:TZ.]/g, "").slice(0, 14);
const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
writeLockfile();
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
