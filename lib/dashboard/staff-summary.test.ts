// The staff overview on the real database: unchecked providers are listed as such and never
// counted as zero, a refresh reads the balance from a real upstream over HTTP, the cover ratio is
// exact, and only staff read it.
import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/connection";
import { addSimulatorProvider, uniqueLabel as unique, withActorsAndSimulator, type Actors } from "@/lib/testing/fixtures";
import { Decimal } from "@/lib/money";
import type { SimulatorHandle } from "@/lib/upstream/simulator";
import { coverWarningThreshold, getStaffSummary, refreshProviderBalance } from "./staff-summary";
import { readConfig } from "@/lib/config";

let db: Db;
let sim: SimulatorHandle;
let actors: Actors;
withActorsAndSimulator({ seed: 5, services: 3, products: 0, balance: "1234.567891" }, (ready) => ({ db, actors, sim } = ready));

describe("staff summary", () => {
  it("shows a never-read provider as not checked, then refreshes it from the upstream (staff may)", async () => {
    const providerId = await addSimulatorProvider(db, sim, unique("overview"));
    await db.provider.update({ where: { id: providerId }, data: { exchangeRate: "0.5", currency: "EUR" } });
    let s = await getStaffSummary(db, actors.staff);
    const before = s.providers.find((p) => p.id === providerId)!;
    expect(before).toMatchObject({ balance: null, converted: null, readAt: null });
    expect(s.uncheckedProviders).toContain(before.name);

    expect(await refreshProviderBalance(db, actors.customer, providerId)).toMatchObject({ ok: false });
    expect(await refreshProviderBalance(db, actors.staff, providerId)).toEqual({ ok: true, balance: "1234.567891", currency: "USD" });
    s = await getStaffSummary(db, actors.staff);
    const after = s.providers.find((p) => p.id === providerId)!;
    // 1234.567891 × 0.5 = 617.2839455: cut like the list beside it (issue 19 item 6), not rounded up.
    expect(after).toMatchObject({ balance: "1234.567891", converted: "617.283945" });
    expect(after.readAt).toBeInstanceOf(Date);
    expect(s.uncheckedProviders).not.toContain(after.name);

    sim.setFault("balance", { type: "error", message: "Invalid API key" });
    const failed = await refreshProviderBalance(db, actors.staff, providerId);
    expect(failed).toMatchObject({ ok: false, code: "service_unavailable", message: expect.stringContaining("did not give its balance") });
    sim.clearFaults();
    // A failed read keeps the last figure and its time.
    expect((await db.provider.findUniqueOrThrow({ where: { id: providerId } })).lastBalance?.toFixed()).toBe("1234.567891");
    expect(await refreshProviderBalance(db, actors.staff, 2_000_000_000)).toEqual({ ok: false, code: "not_found", message: "No such provider." });
  });

  it("cover ratio is provider funds over customer balances, exact, with the warning threshold", async () => {
    const s = await getStaffSummary(db, actors.admin);
    const funds = s.providers.filter((p) => p.converted !== null).reduce((sum, p) => sum.plus(p.converted!), new Decimal(0));
    expect(s.upstreamFunds).toBe(funds.toFixed(6));
    if (new Decimal(s.customerBalances).gt(0)) {
      expect(s.cover.ratio).toBe(funds.div(s.customerBalances).toFixed(2, Decimal.ROUND_DOWN));
      expect(s.cover.warning).toBe(funds.div(s.customerBalances).lt(s.cover.threshold));
    }
    expect(s.today.from.toISOString()).toMatch(/T00:00:00.000Z$/);
    expect(coverWarningThreshold(readConfig({})).toFixed()).toBe("1.2");
    expect(coverWarningThreshold(readConfig({ COVER_RATIO_WARNING: "1.5" })).toFixed()).toBe("1.5");
    // A wrong value is no longer taken as the default: it names itself (lib/config.test.ts).
    for (const bad of ["lots", "-1"]) expect(() => readConfig({ COVER_RATIO_WARNING: bad })).toThrow("COVER_RATIO_WARNING: must be a number above 0");
  });

  it("is for staff only", async () => {
    await expect(getStaffSummary(db, actors.customer)).rejects.toThrow();
  });
});
