// The limits themselves, on top of a shared store (store.ts).
//
// Password guessing (sign-in and the current-password check) is limited three ways, so that an
// attacker who knows a customer's email cannot lock the real owner out:
//   - per account + IP: 5 failures, then a refusal that doubles with each further round (30 s,
//     1 min, 2 min … at most 1 h; rounds remembered for a day). Only this key ever backs off, and
//     it is the attacker's own IP; a success clears it.
//   - per IP: 100 failures in 15 minutes across all accounts (password spraying), then 15 minutes.
//   - per account, all IPs together: 200 failures an hour (a distributed attack), generous on
//     purpose; exceeded, the account refuses for the rest of that hour only.
// Other limits are plain counts per window: sign-ups per IP, web orders per account and per IP
// (a mass order counts each of its lines).
import crypto from "node:crypto";
import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { createLimiter, processLimiterStore, type LimiterStore } from "./store";

export type Throttle = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export const CREDENTIAL_LIMITS = {
  accountIpFailures: 5,
  accountIpWindowSeconds: 3600,
  backoffBaseSeconds: 30,
  backoffMaxSeconds: 3600,
  ipFailures: 100,
  ipWindowSeconds: 900,
  accountFailures: 200,
  accountWindowSeconds: 3600,
} as const;

/** Keys hashed: emails can be long (the store's key is varchar(255)) and need not sit in a table. */
const digest = (text: string) => crypto.createHash("sha256").update(text).digest("base64url");

const retryOf = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

function isOver(limiter: RateLimiterAbstract, res: RateLimiterRes | null): res is RateLimiterRes {
  return res !== null && res.consumedPoints >= limiter.points && res.msBeforeNext > 0;
}

/** A consume that is over the limit rejects with the RateLimiterRes; that is an answer, not an error. */
async function consumed(limiter: RateLimiterAbstract, key: string, points = 1): Promise<RateLimiterRes> {
  try {
    return await limiter.consume(key, points);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return rejection;
    throw rejection;
  }
}

export type CredentialGuard = {
  check(account: string, ip: string): Promise<Throttle>;
  recordFailure(account: string, ip: string): Promise<void>;
  recordSuccess(account: string, ip: string): Promise<void>;
};

export function createCredentialGuard(store: LimiterStore, name: string): CredentialGuard {
  const L = CREDENTIAL_LIMITS;
  const accountIp = createLimiter(store, { keyPrefix: `${name}:acct-ip`, points: L.accountIpFailures, duration: L.accountIpWindowSeconds });
  const rounds = createLimiter(store, { keyPrefix: `${name}:rounds`, points: 1_000_000, duration: 24 * 3600 });
  const byIp = createLimiter(store, { keyPrefix: `${name}:ip`, points: L.ipFailures, duration: L.ipWindowSeconds, blockDuration: L.ipWindowSeconds });
  const byAccount = createLimiter(store, { keyPrefix: `${name}:acct`, points: L.accountFailures, duration: L.accountWindowSeconds });
  const keys = (account: string, ip: string) => ({ pair: digest(`${account}\n${ip}`), ip: digest(ip), account: digest(account) });

  return {
    async check(account, ip) {
      const k = keys(account, ip);
      const checks: [RateLimiterAbstract, string][] = [[accountIp, k.pair], [byIp, k.ip], [byAccount, k.account]];
      const states = await Promise.all(checks.map(([limiter, key]) => limiter.get(key)));
      const waits = states.flatMap((res, index) => (isOver(checks[index]![0], res) ? [res.msBeforeNext] : []));
      return waits.length ? { allowed: false, retryAfterSeconds: retryOf(Math.max(...waits)) } : { allowed: true };
    },
    async recordFailure(account, ip) {
      const k = keys(account, ip);
      const [pair] = await Promise.all([consumed(accountIp, k.pair), consumed(byIp, k.ip), consumed(byAccount, k.account)]);
      if (pair.consumedPoints >= L.accountIpFailures) {
        const round = (await consumed(rounds, k.pair)).consumedPoints;
        await accountIp.block(k.pair, Math.min(L.backoffBaseSeconds * 2 ** (round - 1), L.backoffMaxSeconds));
      }
    },
    async recordSuccess(account, ip) {
      const k = keys(account, ip);
      await Promise.all([accountIp.delete(k.pair), rounds.delete(k.pair)]);
    },
  };
}

export type RequestLimit = { readonly points: number; take(key: string, count?: number): Promise<Throttle & { remaining: number }> };

/** `points` requests per `duration` seconds per key; `take(key, n)` counts n at once (a mass order's lines). */
export function createRequestLimit(store: LimiterStore, spec: { name: string; points: number; duration: number }): RequestLimit {
  const limiter = createLimiter(store, { keyPrefix: spec.name, points: spec.points, duration: spec.duration });
  return {
    points: spec.points,
    async take(key, count = 1) {
      const res = await consumed(limiter, digest(key), count);
      if (res.consumedPoints > spec.points) return { allowed: false, retryAfterSeconds: retryOf(res.msBeforeNext), remaining: 0 };
      return { allowed: true, remaining: res.remainingPoints };
    },
  };
}

export const SIGN_UPS_PER_IP_PER_HOUR = 10;
/** Orders placed from the web forms, each line of a mass order counting as one: one full mass order (100 lines) a minute. */
export const WEB_ORDERS_PER_ACCOUNT_PER_MINUTE = 120;
export const WEB_ORDERS_PER_IP_PER_MINUTE = 240;

export type PanelLimits = {
  signIn: CredentialGuard;
  currentPassword: CredentialGuard;
  signUpPerIp: RequestLimit;
  webOrdersPerAccount: RequestLimit;
  webOrdersPerIp: RequestLimit;
};

export function createPanelLimits(store: LimiterStore): PanelLimits {
  return {
    signIn: createCredentialGuard(store, "sign-in"),
    currentPassword: createCredentialGuard(store, "password"),
    signUpPerIp: createRequestLimit(store, { name: "sign-up:ip", points: SIGN_UPS_PER_IP_PER_HOUR, duration: 3600 }),
    webOrdersPerAccount: createRequestLimit(store, { name: "orders:acct", points: WEB_ORDERS_PER_ACCOUNT_PER_MINUTE, duration: 60 }),
    webOrdersPerIp: createRequestLimit(store, { name: "orders:ip", points: WEB_ORDERS_PER_IP_PER_MINUTE, duration: 60 }),
  };
}

const cache = globalThis as unknown as { __panelLimits?: Promise<PanelLimits> };

/** This process's limits (memory-backed limiters must be created once to remember anything). */
export function panelLimits(): Promise<PanelLimits> {
  cache.__panelLimits ??= processLimiterStore().then(createPanelLimits, (error) => {
    cache.__panelLimits = undefined;
    throw error;
  });
  return cache.__panelLimits;
}

/** "Too many attempts. Try again in 2 minutes." */
export function tooManyMessage(retryAfterSeconds: number, what = "attempts"): string {
  const wait = retryAfterSeconds < 90 ? `${retryAfterSeconds} seconds` : `${Math.ceil(retryAfterSeconds / 60)} minutes`;
  return `Too many ${what}. Try again in ${wait}.`;
}
