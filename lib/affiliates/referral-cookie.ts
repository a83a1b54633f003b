// The cookies of the referral link: `ref` carries the affiliate's code for AFFILIATE_COOKIE_DAYS
// (a sign-up within them is referred); `device` is a random id per browser, kept a year, that the
// self-referral checks compare with the affiliate's own sign-up.
import crypto from "node:crypto";
import { config } from "@/lib/config";

export const REFERRAL_COOKIE = "ref";
export const DEVICE_COOKIE = "device";
export const REFERRAL_CODE_PATTERN = /^[a-z0-9]{4,32}$/;

export function referralCookieMaxAge(): number {
  return config().AFFILIATE_COOKIE_DAYS * 24 * 60 * 60;
}

export const DEVICE_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;

export function newDeviceId(): string {
  return crypto.randomUUID();
}

/** A cookie's value as a referral code, or null. */
export function referralCodeOf(value: string | undefined | null): string | null {
  const code = value?.trim().toLowerCase();
  return code && REFERRAL_CODE_PATTERN.test(code) ? code : null;
}
