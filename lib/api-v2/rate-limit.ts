// /api/v2 request limits: a known key counts against its customer (so that many keys do not
// multiply the limit), `perMinute` requests in each minute; a request whose key is unknown counts
// against the client's address, UNKNOWN_KEYS_PER_ADDRESS_PER_MINUTE of them. Both are counted in the store every app process shares
// (lib/rate-limit/store.ts: PostgreSQL, Redis when REDIS_URL is set, memory on embedded PGlite).
// Refused requests are answered 429 with Retry-After by handle-request.ts.
import { config, readConfig } from "@/lib/config";
import { createRequestLimit, type RequestLimit } from "@/lib/rate-limit/policies";
import { processLimiterStore, type LimiterStore } from "@/lib/rate-limit/store";

/** The default lives in lib/config.ts; this is it. */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = readConfig({}).API_RATE_LIMIT_PER_MINUTE;

export type RateDecision =
  | { allowed: true; limit: number; remaining: number }
  | { allowed: false; limit: number; remaining: 0; retryAfterSeconds: number };

/**
 * Wrong keys one address may send in a minute. Keys are 32 random bytes, so this is not what
 * stops guessing; it bounds the work and the store rows a flood of wrong keys costs (one row per
 * address, not one per key).
 */
export const UNKNOWN_KEYS_PER_ADDRESS_PER_MINUTE = 30;

/** Buckets: "customer:<id>" or "address:<client address>". */
export type RateLimiter = { take(bucket: string): Promise<RateDecision>; readonly perMinute: number };

/** API_RATE_LIMIT_PER_MINUTE (lib/config.ts: a positive whole number); `env` for tests. */
export function rateLimitFromEnv(env?: Record<string, string | undefined>): number {
  return (env ? readConfig(env) : config()).API_RATE_LIMIT_PER_MINUTE;
}

/** A limiter on `store` (default: this process's shared store, opened on first use). */
export function createRateLimiter(options: { perMinute: number; store?: LimiterStore; name?: string }): RateLimiter {
  const { perMinute } = options;
  let limit: Promise<RequestLimit> | undefined;
  const open = () =>
    (limit ??= (options.store ? Promise.resolve(options.store) : processLimiterStore()).then((store) =>
      createRequestLimit(store, { name: options.name ?? "api-v2", points: perMinute, duration: 60 }),
    ));
  return {
    perMinute,
    async take(bucket) {
      const decision = await (await open()).take(bucket);
      return decision.allowed
        ? { allowed: true, limit: perMinute, remaining: decision.remaining }
        : { allowed: false, limit: perMinute, remaining: 0, retryAfterSeconds: decision.retryAfterSeconds };
    },
  };
}
