// The operator commands through the real CLI entry (runCli): exit codes, and the key printed once.
import { afterEach, describe, expect, it, vi } from "vitest";
import { runCli } from "@/lib/cli/main";
import { closeDb, getDb } from "@/lib/db/connection";
import { authenticateApiKey } from ".";

afterEach(async () => {
  vi.restoreAllMocks();
  await closeDb();
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, "log").mockImplementation((...args) => void out.push(args.join(" ")));
  vi.spyOn(console, "error").mockImplementation((...args) => void err.push(args.join(" ")));
  return { out, err };
}

const email = () => `cli-${Date.now()}-${Math.random().toString(36).slice(2)}@cli.test`;

describe("customer:create and apikey:create", () => {
  it("creates a customer, then a key that authenticates as that customer; stdout is the key alone", async () => {
    const address = email();
    let io = capture();
    expect(await runCli(["customer:create", "--email", address, "--password", "cli-password-1"])).toBe(0);
    expect(io.out.join("\n")).toContain(address);
    const user = await (await getDb()).user.findUniqueOrThrow({ where: { email: address } });
    expect(user.role).toBe("customer");

    vi.restoreAllMocks();
    io = capture();
    expect(await runCli(["apikey:create", "--email", address.toUpperCase(), "--name", "billing bot"])).toBe(0);
    expect(io.out).toHaveLength(1);
    const key = io.out[0];
    expect(key).toMatch(/^rp_[A-Za-z0-9_-]{43}$/);
    expect(await authenticateApiKey(await getDb(), key)).toMatchObject({ customerId: user.id });
    const stored = await (await getDb()).apiKey.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.name).toBe("billing bot");
  });

  it("exits 2 on usage errors and 1 when the account does not exist or is taken", async () => {
    const address = email();
    capture();
    expect(await runCli(["customer:create", "--email", address])).toBe(2);
    expect(await runCli(["customer:create", "--email", "not-an-email", "--password", "cli-password-1"])).toBe(2);
    expect(await runCli(["customer:create", "--email", address, "--password", "short"])).toBe(2);
    expect(await runCli(["apikey:create"])).toBe(2);
    expect(await runCli(["apikey:create", "--email", "nope"])).toBe(2);
    expect(await runCli(["apikey:create", "--email", address, "--bogus"])).toBe(2);
    expect(await runCli(["apikey:create", "--email", address])).toBe(1);
    expect(await runCli(["customer:create", "--email", address, "--password", "cli-password-1"])).toBe(0);
    expect(await runCli(["customer:create", "--email", address, "--password", "cli-password-1"])).toBe(1);
    expect(await runCli(["apikey:create", "--email", address, "--name", " "])).toBe(2);
    expect(await (await getDb()).apiKey.count({ where: { user: { email: address } } })).toBe(0);
  });
});
