// Per-key token bucket, in this process's memory: each key may make `perMinute` requests in a
// burst and then `perMinute` a minute, refilled continuously. Several app processes each keep
// their own buckets (the effective limit is per process); a shared store would be needed for an
// exact limit across processes. Buckets are keyed by the key's hash, so unknown keys are
// throttled too. The table is bounded: refilled buckets (which hold no state) are dropped, and
// when it is still full a new key is let through untracked, so that a flood of random keys can
// neither grow memory nor reset a busy key's bucket.
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 120;
export const MAX_BUCKETS = 10_000;

export type RateDecision =
  | { allowed: true; limit: number; remaining: number }
  | { allowed: false; limit: number; remaining: 0; retryAfterSeconds: number };

export type RateLimiter = { take(bucket: string): RateDecision; readonly perMinute: number; size(): number };

type Bucket = { tokens: number; at: number };

/** API_RATE_LIMIT_PER_MINUTE: a positive whole number; anything else means the default. */
export function rateLimitFromEnv(env: Record<string, string | undefined> = process.env): number {
  const text = env.API_RATE_LIMIT_PER_MINUTE?.trim() ?? "";
  const value = /^\d{1,9}$/.test(text) ? Number(text) : 0;
  return value > 0 ? value : DEFAULT_RATE_LIMIT_PER_MINUTE;
}

export function createRateLimiter(options: { perMinute: number; now?: () => number }): RateLimiter {
  const { perMinute } = options;
  const now = options.now ?? Date.now;
  const perMs = perMinute / 60_000;
  const buckets = new Map<string, Bucket>();

  const refilled = (bucket: Bucket, at: number) => Math.min(perMinute, bucket.tokens + (at - bucket.at) * perMs);

  let lastSweep = Number.NEGATIVE_INFINITY;

  /** Full buckets carry no information: dropping them changes nothing. At most once a second. */
  function dropRefilled(at: number) {
    if (at - lastSweep < 1_000) return;
    lastSweep = at;
    for (const [key, bucket] of buckets) if (refilled(bucket, at) >= perMinute) buckets.delete(key);
  }

  return {
    perMinute,
    size: () => buckets.size,
    take(key) {
      const at = now();
      let bucket = buckets.get(key);
      if (!bucket) {
        if (buckets.size >= MAX_BUCKETS) dropRefilled(at);
        if (buckets.size >= MAX_BUCKETS) return { allowed: true, limit: perMinute, remaining: perMinute - 1 };
        bucket = { tokens: perMinute, at };
        buckets.set(key, bucket);
      }
      bucket.tokens = refilled(bucket, at);
      bucket.at = at;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true, limit: perMinute, remaining: Math.floor(bucket.tokens) };
      }
      return { allowed: false, limit: perMinute, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
    },
  };
}
