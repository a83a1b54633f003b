// provider:add / provider:list / provider:check through the real CLI entry point, against the
// simulator over HTTP — healthy, and answering HTML error pages.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/lib/db/connection";
import { startSimulator, type SimulatorHandle } from "@/lib/upstream/simulator";
import { refreshProviderBalances } from "./manage-providers";
import { runCliCommand } from "@/lib/testing/fixtures";

let sim: SimulatorHandle;
const name = `CLI check ${Date.now()}`;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 5, services: 40, products: 6, apiKey: "cli-secret-key", balance: "123.45678" });
});
afterAll(async () => {
  await sim.close();
  await closeDb();
});

const cli = runCliCommand;

describe("provider commands", () => {
  it("adds a provider with its key encrypted, lists it without the key, and checks it", async () => {
    expect((await cli("provider:add", "--name", name, "--url", sim.url, "--key", "cli-secret-key", "--rate", "0.5")).code).toBe(0);
    const stored = await (await getDb()).provider.findUniqueOrThrow({ where: { name }, omit: { apiKeyEncrypted: false } });
    expect(stored.apiKeyEncrypted).not.toContain("cli-secret-key");
    expect(stored.exchangeRate.toString()).toBe("0.5");

    const list = await cli("provider:list");
    expect(list.text).toContain(name);
    expect(list.text).not.toContain("cli-secret-key");

    const check = await cli("provider:check", name);
    expect(check).toEqual({ code: 0, text: `${name}: balance 123.45678 USD, 40 services, 6 products` });
    const after = await (await getDb()).provider.findUniqueOrThrow({ where: { name } });
    expect(after.lastBalance?.toString()).toBe("123.45678");
  });

  it("reports an upstream answering HTML as an indeterminate failure, with exit code 1 and no key", async () => {
    sim.setFault("*", { type: "http502" });
    try {
      const byUrl = await cli("provider:check", "--url", sim.url, "--key", "cli-secret-key");
      expect(byUrl.code).toBe(1);
      expect(byUrl.text).toMatch(/balance failed \(indeterminate\)/);
      expect(byUrl.text).not.toContain("cli-secret-key");
      const byName = await cli("provider:check", name);
      expect(byName.code).toBe(1);
      expect(byName.text).toMatch(/indeterminate/);
    } finally {
      sim.clearFaults();
    }
  });

  it("refuses bad arguments with usage and exit code 2, and a bad key as a definite failure", async () => {
    expect((await cli("provider:check")).code).toBe(2);
    expect((await cli("provider:check", "--url", sim.url)).code).toBe(2);
    expect((await cli("provider:add", "--name", "x", "--url", "not a url", "--key", "k")).code).toBe(2);
    const wrongKey = await cli("provider:check", "--url", sim.url, "--key", "wrong");
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.text).toContain("(definite): Invalid API key");
  });

  it("refreshes stored balances for the staff overview and keeps the last figure when a provider fails", async () => {
    const db = await getDb();
    const provider = await db.provider.findUniqueOrThrow({ where: { name } });
    sim.setBalance("99.00001");
    expect(await refreshProviderBalances(db, { providerIds: [provider.id] })).toEqual({ checked: 1, failed: [] });
    expect((await db.provider.findUniqueOrThrow({ where: { id: provider.id } })).lastBalance?.toString()).toBe("99.00001");
    sim.setFault("balance", { type: "http500" });
    try {
      const failed = await refreshProviderBalances(db, { providerIds: [provider.id] });
      expect(failed.checked).toBe(0);
      expect(failed.failed[0]).toContain(name);
    } finally {
      sim.clearFaults();
    }
    expect((await db.provider.findUniqueOrThrow({ where: { id: provider.id } })).lastBalance?.toString()).toBe("99.00001");
  });

  it("a provider whose stored key cannot be read is reported and does not stop the others' refresh", async () => {
    const db = await getDb();
    const good = await db.provider.findUniqueOrThrow({ where: { name } });
    const broken = await db.provider.create({ data: { name: `${name} broken key`, apiUrl: sim.url, apiKeyEncrypted: "none" } });
    sim.setBalance("77.5");
    const refreshed = await refreshProviderBalances(db, { providerIds: [broken.id, good.id] });
    expect(refreshed.checked).toBe(1);
    expect(refreshed.failed).toEqual([`${broken.name}: Unreadable provider key (unknown format).`]);
    expect((await db.provider.findUniqueOrThrow({ where: { id: good.id } })).lastBalance?.toString()).toBe("77.5");
  });
});
