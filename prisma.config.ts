import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";

// Offline machines cannot download Prisma's native schema engine, yet `prisma generate`
// refuses to start without one (it never executes it). Point it at a placeholder only when
// the real engine is absent, so connected machines keep the normal behaviour.
// Migrations run through the WebAssembly engine instead: see scripts/db/migrate.ts.
const enginesDir = path.join(process.cwd(), "node_modules", "@prisma", "engines");
const hasNativeEngine =
  fs.existsSync(enginesDir) && fs.readdirSync(enginesDir).some((f) => f.startsWith("schema-engine"));
if (!hasNativeEngine && !process.env.PRISMA_SCHEMA_ENGINE_BINARY) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = path.join(process.cwd(), "prisma", "offline-engine-placeholder");
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : "postgresql://localhost:5432/placeholder" },
});
