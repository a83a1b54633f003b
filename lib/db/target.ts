// Which database this process uses, from DATABASE_URL:
//   postgresql://… or postgres://…  → real PostgreSQL through @prisma/adapter-pg
//   unset, or pglite:<folder>        → embedded PGlite stored in that folder (default ./data/pglite)
import fs from "node:fs";
import path from "node:path";

export type DatabaseTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dir: string };

export function resolveDatabaseTarget(databaseUrl = process.env.DATABASE_URL): DatabaseTarget {
  const url = databaseUrl?.trim();
  if (!url) return { kind: "pglite", dir: path.join(process.cwd(), "data", "pglite") };
  if (url.startsWith("postgresql://") || url.startsWith("postgres://")) return { kind: "postgres", url };
  if (url.startsWith("pglite:")) {
    const dir = url.slice("pglite:".length).replace(/^\/\//, "") || path.join("data", "pglite");
    return { kind: "pglite", dir: path.resolve(/*turbopackIgnore: true*/ dir) };
  }
  throw new Error(`DATABASE_URL must start with postgresql://, postgres:// or pglite: (got "${url.split(":")[0]}:…")`);
}

export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "pglite") return `embedded PGlite at ${target.dir}`;
  const u = new URL(target.url);
  return `PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname}`;
}

/**
 * PGlite is a single-process database: two processes opening one folder corrupt it.
 * The owner writes its pid into a lock file; another live process is refused with a clear message.
 */
export function acquirePgliteLock(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const lockFile = path.join(dir, "..", `${path.basename(dir)}.lock`);
  try {
    const pid = Number.parseInt(fs.readFileSync(lockFile, "utf8"), 10);
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `The embedded database ${dir} is in use by process ${pid} (probably the running panel). ` +
          `Stop it first, or run against PostgreSQL with DATABASE_URL=postgresql://…`,
      );
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  fs.writeFileSync(lockFile, String(process.pid));
  return () => {
    try {
      if (fs.readFileSync(lockFile, "utf8") === String(process.pid)) fs.unlinkSync(lockFile);
    } catch {
      // already gone
    }
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
