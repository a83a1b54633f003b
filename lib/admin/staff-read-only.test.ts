// Issue 12, finding 1: the staff role is read-only. Every mutation a staff member could reach is
// called directly with a staff actor and must be refused with nothing changed in the database.
import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/connection";
import { setUserRole, setUserStatus } from "@/lib/users/manage-user";
import type { SimulatorHandle } from "@/lib/upstream/simulator";
import { resolveOrderForStaff } from "./orders";
import { addProviderForAdmin, checkProviderForAdmin, setProviderEnabled, syncProviderCatalog } from "@/lib/providers/staff-providers";
import { clearSellRateOverride, setSellRate } from "@/lib/pricing/sell-rates";
import { setCatalogItemEnabled } from "@/lib/catalog/set-item-enabled";
import { addSimulatorProvider, makeUser, parsed, uniqueLabel as unique, withActorsAndSimulatorProvider, type Actors } from "@/lib/testing/fixtures";
import { ZProviderInput } from "@/lib/providers/schemas";
import { ZResolveOrderInput } from "./schemas";
import { ZCatalogItemRef, ZSetEnabledInput } from "@/lib/catalog/schemas";
import { ZSetSellRateInput } from "@/lib/pricing/schemas";
import { ZSetProviderEnabledInput, ZSyncCatalogInput } from "@/lib/providers/schemas";
import { ZCreditFundsForm } from "@/lib/users/schemas";
import { creditFundsForAdmin } from "@/lib/users/staff-funds";

let db: Db;
let sim: SimulatorHandle;
let actors: Actors;
let providerId: number;
withActorsAndSimulatorProvider({ seed: 5, services: 6, products: 0, markup: "10" }, (ready) => ({ db, actors, sim, providerId } = ready));

const refused = { ok: false, code: "not_allowed", message: expect.stringMatching(/^Only an admin can/) };

describe("staff are read-only: every mutation refuses a staff actor and changes nothing", () => {
  it("account status and role", async () => {
    const customer = await makeUser(db, "customer");
    expect(await setUserStatus(db, actors.staff, customer.id, "suspended")).toEqual(refused);
    expect(await setUserRole(db, actors.staff, customer.id, "admin")).toEqual(refused);
    const row = await db.user.findUniqueOrThrow({ where: { id: customer.id }, select: { status: true, role: true, sessionVersion: true } });
    expect(row).toEqual({ status: "active", role: "customer", sessionVersion: 0 });
    // Control: the admin may.
    expect(await setUserStatus(db, actors.admin, customer.id, "suspended")).toEqual({ ok: true });
    expect(await setUserStatus(db, actors.admin, 999_999_999, "suspended")).toMatchObject({ ok: false, message: "No such user." });
  });

  it("providers: add, check, enable, sync", async () => {
    const before = await db.provider.findUniqueOrThrow({ where: { id: providerId } });
    const balanceCalls = sim.counts.balance ?? 0;
    const name = unique("staff-added");
    expect(await addProviderForAdmin(db, actors.staff, parsed(ZProviderInput, { name, url: sim.url, key: "k", timeoutMs: "1000" }))).toEqual(refused);
    expect(await checkProviderForAdmin(db, actors.staff, providerId)).toEqual(refused);
    expect(await setProviderEnabled(db, actors.staff, parsed(ZSetProviderEnabledInput, { providerId: String(providerId), enabled: "false" }))).toEqual(refused);
    expect(await syncProviderCatalog(db, actors.staff, parsed(ZSyncCatalogInput, { providerId, markupPercent: "50%" }))).toEqual(refused);
    expect(await db.provider.count({ where: { name } })).toBe(0);
    expect(await db.provider.findUniqueOrThrow({ where: { id: providerId } })).toEqual(before);
    // A refused check does not even call out.
    expect(sim.counts.balance ?? 0).toBe(balanceCalls);
  });

  it("catalog edits", async () => {
    const service = await db.service.findFirstOrThrow({ where: { providerId }, orderBy: { id: "asc" } });
    const ref = parsed(ZCatalogItemRef, { kind: "service", id: String(service.id) });
    expect(await setSellRate(db, actors.staff, parsed(ZSetSellRateInput, { ...ref, sellRate: "99" }))).toEqual(refused);
    expect(await clearSellRateOverride(db, actors.staff, ref)).toEqual(refused);
    expect(await setCatalogItemEnabled(db, actors.staff, parsed(ZSetEnabledInput, { ...ref, enabled: "false" }))).toEqual(refused);
    expect(await db.service.findUniqueOrThrow({ where: { id: service.id } })).toEqual(service);
  });

  it("credits and order resolution", async () => {
    const customer = await makeUser(db, "customer");
    expect(await creditFundsForAdmin(db, actors.staff, parsed(ZCreditFundsForm, { customerId: customer.id, amount: "10", reason: "x" }))).toEqual(refused);
    expect(await db.ledgerEntry.count({ where: { userId: customer.id } })).toBe(0);
    expect(await resolveOrderForStaff(db, actors.staff, parsed(ZResolveOrderInput, { orderId: "1", outcome: "failed" }))).toEqual(refused);
  });
});
