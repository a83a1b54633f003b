// Where request limits are counted, so that every app process sees the same counts (a limit kept
// in one process's memory is multiplied by the number of processes and forgotten on restart):
//   REDIS_URL set            → Redis (ioredis), the fastest shared store;
//   DATABASE_URL=postgresql  → the app's PostgreSQL, in a table rate-limiter-flexible owns
//                              ("rate_limits", created here, not a Prisma model). UNLOGGED: a
//                              count is written on every request and need not survive a crash
//                              (PostgreSQL empties the table then: limits start again), so its
//                              commit does not wait for the write-ahead log to reach the disk;
//   embedded PGlite          → this process's memory: only one process can open PGlite at all, so
//                              there is nothing to share (the demo and development).
// A store that fails (database down) falls back to an in-memory limiter for that call
// (rate-limiter-flexible's insuranceLimiter) rather than refusing every sign-in.
import { Redis } from "ioredis";
import pg from "pg";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible";
import { resolveDatabaseTarget } from "@/lib/db/target";
import { config, readConfig } from "@/lib/config";

export type LimiterStore =
  | { kind: "memory"; close(): Promise<void> }
  | { kind: "postgres"; pool: pg.Pool; close(): Promise<void> }
  | { kind: "redis"; client: Redis; close(): Promise<void> };

/** points per duration seconds; blockDuration seconds of refusal once exceeded (0: none). */
export type LimitSpec = { keyPrefix: string; points: number; duration: number; blockDuration?: number };

const TABLE = "rate_limits";

export function createLimiter(store: LimiterStore, spec: LimitSpec): RateLimiterAbstract {
  const options = { ...spec, blockDuration: spec.blockDuration ?? 0 };
  if (store.kind === "memory") return new RateLimiterMemory(options);
  const insuranceLimiter = new RateLimiterMemory(options);
  if (store.kind === "redis") return new RateLimiterRedis({ ...options, storeClient: store.client, insuranceLimiter });
  return new RateLimiterPostgres({ ...options, storeClient: store.pool, storeType: "pool", tableName: TABLE, tableCreated: true, insuranceLimiter });
}

/** Opens the store this configuration asks for (see the file comment). */
export async function openLimiterStore(env?: Record<string, string | undefined>): Promise<LimiterStore> {
  const settings = env ? readConfig(env) : config();
  if (settings.REDIS_URL) {
    const client = new Redis(settings.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true });
    await client.connect();
    return { kind: "redis", client, close: async () => void client.disconnect() };
  }
  const target = resolveDatabaseTarget(settings.DATABASE_URL);
  if (target.kind === "pglite") return { kind: "memory", close: async () => {} };
  // A small pool of its own: a limiter check must not wait behind the app's long transactions.
  const pool = new pg.Pool({ connectionString: target.url, max: 3, idleTimeoutMillis: 30_000 });
  // An idle connection the server ends (restart, failover, a dropped test database) is reported
  // on the pool; unhandled, it would crash the process. The pool opens a new one on next use.
  pool.on("error", (error) => console.warn(`[rate-limit] idle store connection closed: ${error.message}`));
  await ensureTable(pool);
  // Every count expires (each limit has a window); rate-limiter-flexible only overwrites a row
  // when its key comes back, so keys never seen again are deleted here, at start and then every
  // few minutes, by whichever process runs first (the others find nothing left).
  const sweepQuietly = () => void sweepExpiredLimits(pool).catch((error: Error) => console.warn(`[rate-limit] sweep failed: ${error.message}`));
  sweepQuietly();
  const sweep = setInterval(sweepQuietly, SWEEP_INTERVAL_MS);
  sweep.unref();
  return {
    kind: "postgres",
    pool,
    close: async () => {
      clearInterval(sweep);
      await pool.end();
    },
  };
}

const SWEEP_INTERVAL_MS = 5 * 60_000;

/** Deletes the counts whose window has ended; answers how many. */
export async function sweepExpiredLimits(pool: pg.Pool, now = Date.now()): Promise<number> {
  const { rowCount } = await pool.query(`DELETE FROM ${TABLE} WHERE expire IS NOT NULL AND expire < $1`, [now]);
  return rowCount ?? 0;
}

async function ensureTable(pool: pg.Pool): Promise<void> {
  const create = `CREATE UNLOGGED TABLE IF NOT EXISTS ${TABLE} (key varchar(255) PRIMARY KEY, points integer NOT NULL DEFAULT 0, expire bigint)`;
  try {
    await pool.query(create);
  } catch (error) {
    // Two processes creating it at the same moment: one wins, the other sees a duplicate type.
    const code = (error as { code?: string }).code;
    if (code !== "23505" && code !== "42P07") throw error;
  }
  // A table created by an earlier version was logged; counts are all it holds, so it is made
  // unlogged once (a short exclusive lock on a small table).
  const { rows } = await pool.query<{ persistence: string }>(`SELECT relpersistence::text AS persistence FROM pg_class WHERE oid = '${TABLE}'::regclass`);
  if (rows[0]?.persistence === "p") await pool.query(`ALTER TABLE ${TABLE} SET UNLOGGED`);
}

const globalStore = globalThis as unknown as { __rateLimitStore?: Promise<LimiterStore> };

/** This process's store, opened once. */
export function processLimiterStore(): Promise<LimiterStore> {
  globalStore.__rateLimitStore ??= openLimiterStore().catch((error) => {
    globalStore.__rateLimitStore = undefined;
    throw error;
  });
  return globalStore.__rateLimitStore;
}
