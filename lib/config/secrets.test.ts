// Issue 12, finding 8: placeholder, short and (where it matters) missing secrets are refused, by
// the secret readers themselves and at the start of the app, the CLI and the worker.
import { afterEach, describe, expect, it, vi } from "vitest";
import { authSecret } from "@/lib/auth/secret";
import { runCli } from "@/lib/cli/main";
import { encryptProviderKey } from "@/lib/providers/key-encryption";
import { MIN_SECRET_LENGTH, secretProblems } from "./secrets";

const good = "x9Qv2LmT7pR4sW8kZ1nB6cY3hJ5dF0aE"; // 32 characters, not a placeholder
const saved = { ...process.env };
afterEach(() => {
  for (const name of ["NEXTAUTH_SECRET", "PROVIDER_KEY_SECRET", "NODE_ENV", "DATABASE_URL"]) process.env[name] = saved[name];
});

describe("secrets", () => {
  it("the readers refuse the .env.example placeholders and short values", () => {
    for (const value of ["change-me", "change-me-too", "CHANGEME", "secret", "development-only-nextauth-secret", "a".repeat(40), good.slice(1)]) {
      process.env.NEXTAUTH_SECRET = value;
      expect(() => authSecret(), value).toThrow(/NEXTAUTH_SECRET: is (a placeholder|too short)/);
      process.env.PROVIDER_KEY_SECRET = value;
      expect(() => encryptProviderKey("k"), value).toThrow(/PROVIDER_KEY_SECRET: is (a placeholder|too short)/);
    }
    process.env.NEXTAUTH_SECRET = good;
    process.env.PROVIDER_KEY_SECRET = good;
    expect(authSecret()).toBe(good);
    expect(good.length).toBe(MIN_SECRET_LENGTH);
  });

  it("production needs both; development on the embedded database may fall back, the CLI on PostgreSQL may not", () => {
    const pg = "postgresql://127.0.0.1:5432/panel";
    expect(secretProblems("app", { NODE_ENV: "production", NEXTAUTH_SECRET: good })).toEqual([
      "PROVIDER_KEY_SECRET is not set: it is required in production.",
    ]);
    expect(secretProblems("app", { NODE_ENV: "production", NEXTAUTH_SECRET: "change-me", PROVIDER_KEY_SECRET: good })[0]).toMatch(/placeholder/);
    expect(secretProblems("app", { NODE_ENV: "development" })).toEqual([]);
    expect(secretProblems("cli", { NODE_ENV: "development", DATABASE_URL: "pglite:./data/x" })).toEqual([]);
    expect(secretProblems("cli", { DATABASE_URL: pg })).toHaveLength(2);
    expect(secretProblems("cli", { DATABASE_URL: pg, NEXTAUTH_SECRET: good, PROVIDER_KEY_SECRET: good })).toEqual([]);
    (process.env as Record<string, string>).NODE_ENV = "production";
    delete process.env.NEXTAUTH_SECRET;
    expect(() => authSecret()).toThrow("NEXTAUTH_SECRET is not set");
  });

  it("the CLI on PostgreSQL refuses to run without secrets, naming them, and touches nothing", async () => {
    delete process.env.NEXTAUTH_SECRET;
    delete process.env.PROVIDER_KEY_SECRET;
    const out: string[] = [];
    const error = vi.spyOn(console, "error").mockImplementation((...args) => void out.push(args.join(" ")));
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      expect(await runCli(["provider:list"], { keepDb: true })).toBe(1);
    } finally {
      error.mockRestore();
      log.mockRestore();
    }
    expect(out.join("\n")).toMatch(/Refusing to start: NEXTAUTH_SECRET is not set.*PROVIDER_KEY_SECRET is not set/);
  });
});
