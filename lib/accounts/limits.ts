// How often account emails may be asked for, counted in the shared limiter store (every app
// process sees the same counts; lib/rate-limit/store.ts). Each limit protects someone's inbox and
// our sender's reputation: a stranger cannot make the panel mail an address without end.
import { createRequestLimit, type RequestLimit } from "@/lib/rate-limit/policies";
import { processLimiterStore, type LimiterStore } from "@/lib/rate-limit/store";

export const ACCOUNT_MAIL_LIMITS = {
  /** "Send the confirmation again", per account. */
  verifyResendPerAccount: { points: 3, duration: 3600 },
  /** "Forgot password?", per address typed and per client address. */
  resetPerEmail: { points: 3, duration: 3600 },
  resetPerIp: { points: 10, duration: 3600 },
  /** Email change requests, per account. */
  emailChangePerAccount: { points: 5, duration: 3600 },
} as const;

export type AccountMailLimits = { [K in keyof typeof ACCOUNT_MAIL_LIMITS]: RequestLimit };

export function createAccountMailLimits(store: LimiterStore): AccountMailLimits {
  const make = (name: keyof typeof ACCOUNT_MAIL_LIMITS) => createRequestLimit(store, { name: `mail:${name}`, ...ACCOUNT_MAIL_LIMITS[name] });
  return {
    verifyResendPerAccount: make("verifyResendPerAccount"),
    resetPerEmail: make("resetPerEmail"),
    resetPerIp: make("resetPerIp"),
    emailChangePerAccount: make("emailChangePerAccount"),
  };
}

const cache = globalThis as unknown as { __accountMailLimits?: Promise<AccountMailLimits> };

export function accountMailLimits(): Promise<AccountMailLimits> {
  cache.__accountMailLimits ??= processLimiterStore().then(createAccountMailLimits, (error) => {
    cache.__accountMailLimits = undefined;
    throw error;
  });
  return cache.__accountMailLimits;
}
