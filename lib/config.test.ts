import { describe, expect, it } from "vitest";
import { config, ConfigError, readConfig } from "./config";

describe("readConfig", () => {
  it("applies the documented defaults when nothing is set", () => {
    expect(readConfig({})).toMatchObject({ NODE_ENV: "development", PANEL_CURRENCY: "USD", WORKER_INTERVAL_MS: 5000, REFILL_COOLDOWN_HOURS: 24 });
    expect(readConfig({ REFILL_COOLDOWN_HOURS: " " }).REFILL_COOLDOWN_HOURS).toBe(24);
  });

  it("reads what is set", () => {
    expect(readConfig({ REFILL_COOLDOWN_HOURS: "0.5", WORKER_INTERVAL_MS: "250", IN_PROCESS_WORKER: "0", PANEL_CURRENCY: "EUR" })).toMatchObject({
      REFILL_COOLDOWN_HOURS: 0.5,
      WORKER_INTERVAL_MS: 250,
      IN_PROCESS_WORKER: "0",
      PANEL_CURRENCY: "EUR",
    });
  });

  it("names every wrong setting instead of falling back silently", () => {
    const read = () => readConfig({ REFILL_COOLDOWN_HOURS: "abc", WORKER_INTERVAL_MS: "-5", IN_PROCESS_WORKER: "yes", PANEL_CURRENCY: "dollars" });
    expect(read).toThrow(ConfigError);
    for (const name of ["REFILL_COOLDOWN_HOURS: must be a number", "WORKER_INTERVAL_MS: must be at least 1", "IN_PROCESS_WORKER: must be 0 or 1", "PANEL_CURRENCY: must be"]) {
      expect(read).toThrow(name);
    }
  });

  it("reads the request, session, egress, lease, overview and payment settings with their defaults", () => {
    expect(readConfig({})).toMatchObject({
      ADMIN_TWO_FACTOR: "optional", SESSION_IDLE_MINUTES: 60, API_RATE_LIMIT_PER_MINUTE: 120,
      UPSTREAM_ALLOW_PRIVATE: "0", UPSTREAM_ALLOW_HTTP_HOSTS: [], UPSTREAM_MAX_BODY_BYTES: 10 * 1024 * 1024,
      WORKER_LEASE_SECONDS: 60, SUBMIT_LEASE_SECONDS: 30, SUBMIT_GRACE_SECONDS: 15, COVER_RATIO_WARNING: "1.2",
      CRYPTOMUS_API_BASE: "https://api.cryptomus.com",
    });
    expect([readConfig({}).REDIS_URL, readConfig({}).PAYMENTS_PUBLIC_URL, readConfig({}).STRIPE_API_BASE]).toEqual([undefined, undefined, undefined]);
    expect(readConfig({
      ADMIN_TWO_FACTOR: " Required ", SESSION_IDLE_MINUTES: "15", API_RATE_LIMIT_PER_MINUTE: "30", REDIS_URL: "redis://127.0.0.1:6379",
      UPSTREAM_ALLOW_PRIVATE: "1", UPSTREAM_ALLOW_HTTP_HOSTS: " LocalHost, 127.0.0.1 ,", UPSTREAM_MAX_BODY_BYTES: "2048",
      WORKER_LEASE_SECONDS: "2", SUBMIT_LEASE_SECONDS: "1.5", SUBMIT_GRACE_SECONDS: "0", COVER_RATIO_WARNING: "1.5",
      PAYMENTS_PUBLIC_URL: "https://panel.example", STRIPE_SECRET_KEY: "sk_test_1", CRYPTOMUS_API_BASE: "http://127.0.0.1:9",
    })).toMatchObject({
      ADMIN_TWO_FACTOR: "required", SESSION_IDLE_MINUTES: 15, API_RATE_LIMIT_PER_MINUTE: 30, REDIS_URL: "redis://127.0.0.1:6379",
      UPSTREAM_ALLOW_PRIVATE: "1", UPSTREAM_ALLOW_HTTP_HOSTS: ["localhost", "127.0.0.1"], UPSTREAM_MAX_BODY_BYTES: 2048,
      WORKER_LEASE_SECONDS: 2, SUBMIT_LEASE_SECONDS: 1.5, SUBMIT_GRACE_SECONDS: 0, COVER_RATIO_WARNING: "1.5",
      PAYMENTS_PUBLIC_URL: "https://panel.example", STRIPE_SECRET_KEY: "sk_test_1", CRYPTOMUS_API_BASE: "http://127.0.0.1:9",
    });
  });

  it("names each new setting that is wrong", () => {
    const wrong: Record<string, string> = {
      ADMIN_TWO_FACTOR: "requried", SESSION_IDLE_MINUTES: "10081", API_RATE_LIMIT_PER_MINUTE: "0", REDIS_URL: "127.0.0.1:6379",
      UPSTREAM_ALLOW_PRIVATE: "yes", UPSTREAM_MAX_BODY_BYTES: "10MB", WORKER_LEASE_SECONDS: "0", SUBMIT_LEASE_SECONDS: "soon",
      SUBMIT_GRACE_SECONDS: "-1", COVER_RATIO_WARNING: "lots", PAYMENTS_PUBLIC_URL: "panel.example", STRIPE_API_BASE: "not a url",
      NEXTAUTH_SECRET: "change-me", PROVIDER_KEY_SECRET: "short",
    };
    for (const [name, value] of Object.entries(wrong)) {
      expect(() => readConfig({ [name]: value }), `${name}=${value}`).toThrow(new RegExp(`^Invalid settings in the environment:\\n  ${name}: `));
    }
    expect(() => readConfig(wrong)).toThrow(ConfigError);
  });

  it("reads process.env on each call, so a test or the CLI may change a setting", () => {
    const before = process.env.SUBMIT_GRACE_SECONDS;
    process.env.SUBMIT_GRACE_SECONDS = "7";
    try {
      expect(config().SUBMIT_GRACE_SECONDS).toBe(7);
    } finally {
      if (before === undefined) delete process.env.SUBMIT_GRACE_SECONDS;
      else process.env.SUBMIT_GRACE_SECONDS = before;
    }
  });
});
