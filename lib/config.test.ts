import { describe, expect, it } from "vitest";
import { ConfigError, readConfig } from "./config";

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
});
