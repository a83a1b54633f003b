import { describe, expect, it } from "vitest";
import { createRateLimiter, DEFAULT_RATE_LIMIT_PER_MINUTE, MAX_BUCKETS, rateLimitFromEnv } from "./rate-limit";

describe("token bucket", () => {
  it("allows a burst of perMinute, then one request per 60/perMinute seconds, per key", () => {
    let now = 0;
    const limiter = createRateLimiter({ perMinute: 6, now: () => now });
    for (let index = 0; index < 6; index++) expect(limiter.take("a")).toMatchObject({ allowed: true, remaining: 5 - index });
    expect(limiter.take("a")).toEqual({ allowed: false, limit: 6, remaining: 0, retryAfterSeconds: 10 });
    expect(limiter.take("b").allowed).toBe(true);
    now += 4_000;
    expect(limiter.take("a")).toMatchObject({ allowed: false, retryAfterSeconds: 6 });
    now += 6_000;
    expect(limiter.take("a").allowed).toBe(true);
    expect(limiter.take("a").allowed).toBe(false);
    // A long pause refills to the burst size, never beyond it.
    now += 3_600_000;
    for (let index = 0; index < 6; index++) expect(limiter.take("a").allowed).toBe(true);
    expect(limiter.take("a").allowed).toBe(false);
  });

  it("stays bounded when flooded with distinct keys, without ever resetting a busy key's bucket", () => {
    let now = 0;
    const limiter = createRateLimiter({ perMinute: 2, now: () => now });
    for (let index = 0; index < MAX_BUCKETS - 1; index++) limiter.take(`old-${index}`);
    now += 60_000;
    // The old buckets have refilled (they carry no state any more); the busy key is emptied now.
    limiter.take("busy");
    limiter.take("busy");
    for (let index = 0; index < 25_000; index++) limiter.take(`new-${index}`);
    expect(limiter.size()).toBeLessThanOrEqual(MAX_BUCKETS);
    expect(limiter.take("busy").allowed).toBe(false);
  });

  it("reads API_RATE_LIMIT_PER_MINUTE, falling back to the default for anything but a positive whole number", () => {
    expect(rateLimitFromEnv({})).toBe(DEFAULT_RATE_LIMIT_PER_MINUTE);
    expect(rateLimitFromEnv({ API_RATE_LIMIT_PER_MINUTE: "30" })).toBe(30);
    for (const bad of ["0", "-5", "1.5", "abc", "", "1e3"]) expect(rateLimitFromEnv({ API_RATE_LIMIT_PER_MINUTE: bad })).toBe(DEFAULT_RATE_LIMIT_PER_MINUTE);
  });
});
