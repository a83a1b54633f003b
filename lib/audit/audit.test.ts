// Every admin change writes one audit row with who, what, before and after, in the change's own
// transaction (a refused change writes none); and the audit table refuses UPDATE, DELETE and TRUNCATE.
import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/connection";
import { resolveOrderForStaff } from "@/lib/admin/orders";
import { addProviderForAdmin, setProviderEnabled } from "@/lib/providers/staff-providers";
import { makeUser, parsed, uniqueLabel as unique, withActors, type Actors } from "@/lib/testing/fixtures";
import { ZCreditFundsForm } from "@/lib/users/schemas";
import { ZResolveOrderInput } from "@/lib/admin/schemas";
import { ZSetProviderEnabledInput } from "@/lib/providers/schemas";
import { ZDebitFundsInput } from "@/lib/ledger/debit-funds";
import { ZManualRefundInput } from "@/lib/ledger/refund-manual";
import { ZProviderInput } from "@/lib/providers/schemas";
import { deductFundsForAdmin } from "@/lib/users/staff-funds";
import { refundOrderForAdmin } from "@/lib/admin/order-refund";
import { creditFundsForAdmin } from "@/lib/users/staff-funds";
import { createChargedOrder, createUnknownOrder, settleTestOrder } from "@/lib/testing/fixtures";
import { setUserRole, setUserStatus } from "@/lib/users/manage-user";
import { Decimal } from "@/lib/money";
import { listAuditLog } from "./list-audit";

let db: Db;
let actors: Actors;
withActors((ready) => ({ db, actors } = ready));

const newestId = async () => (await db.auditLog.findFirst({ orderBy: { id: "desc" }, select: { id: true } }))?.id ?? 0n;
// Other test files write audit rows meanwhile: only this file's admin's rows count.
const rowsSince = (id: bigint) => db.auditLog.findMany({ where: { id: { gt: id }, actorId: { in: [actors.admin.id, actors.staff.id] } }, orderBy: { id: "asc" } });

/** Runs a change and returns the audit rows it wrote. */
async function audited(change: () => Promise<{ ok: boolean }>) {
  const mark = await newestId();
  const result = await change();
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return rowsSince(mark);
}

async function fixtures() {
  const customer = await makeUser(db, "customer");
  expect(await creditFundsForAdmin(db, actors.admin, parsed(ZCreditFundsForm, { customerId: customer.id, amount: "20", reason: "setup" }))).toMatchObject({ ok: true });
  const providerId = (await db.provider.create({ data: { name: unique("audit"), apiUrl: "http://127.0.0.1:9/api/v2", apiKeyEncrypted: "none" } })).id;
  const service = await db.service.create({
    data: { providerId, upstreamId: unique("s"), name: "Audit likes", type: "Default", category: "Audit", upstreamRate: "1", sellRate: "1.25", markupPercent: "25", min: 10, max: 1000 },
  });
  return { customer, providerId, serviceId: service.id };
}

describe("audit log", () => {
  it("every admin change writes one row with actor, action, entity, before and after", async () => {
    // Price and catalog changes (lib/pricing/sell-rates, lib/catalog, lib/pricing) are audited by
    // their own area and tested there; this list is every other admin change.
    const { customer, providerId } = await fixtures();
    const admin = actors.admin;
    const completed = await createChargedOrder(db, customer.id, { charge: "2", quantity: 100, providerId });
    await settleTestOrder(db, completed, "completed");
    // Charged and sent, answer lost: pending_submit → unknown, as the sender leaves it.
    const lost = await createUnknownOrder(db, customer.id, { charge: "1", quantity: 100, providerId });
    const staffUser = await makeUser(db, "staff");

    const cases: [string, () => Promise<{ ok: boolean }>, object][] = [
      ["provider.add", () => addProviderForAdmin(db, admin, parsed(ZProviderInput, { name: unique("added"), url: "https://panel.example/api/v2", key: "very-secret-key-1" })), { entityType: "Provider" }],
      ["provider.disable", () => setProviderEnabled(db, admin, parsed(ZSetProviderEnabledInput, { providerId, enabled: "false" })), { before: { enabled: true }, after: { enabled: false } }],
      ["user.suspend", () => setUserStatus(db, admin, customer.id, "suspended"), { before: { status: "active" }, after: { status: "suspended" } }],
      ["user.set_role", () => setUserRole(db, admin, staffUser.id, "customer"), { before: { role: "staff" }, after: { role: "customer" } }],
      ["funds.credit", () => creditFundsForAdmin(db, admin, parsed(ZCreditFundsForm, { customerId: customer.id, amount: "5", reason: "bank ref 7" })), { reason: "bank ref 7", after: { amount: "5.000000" } }],
      ["funds.debit", () => deductFundsForAdmin(db, admin, parsed(ZDebitFundsInput, { customerId: customer.id, amount: "1", reason: "fee" })), { reason: "fee", after: { amount: "-1.000000" } }],
      ["order.refund_manual", () => refundOrderForAdmin(db, admin, parsed(ZManualRefundInput, { orderId: completed, amount: "0.5", reason: "late" })), { entityId: String(completed), reason: "late" }],
      ["order.resolve", () => resolveOrderForStaff(db, admin, parsed(ZResolveOrderInput, { outcome: "failed", orderId: String(lost) })), { entityId: String(lost), after: { state: "failed" } }],
    ];
    for (const [action, change, expected] of cases) {
      const rows = await audited(change);
      expect(rows, action).toHaveLength(1);
      expect(rows[0], action).toMatchObject({ actorId: admin.id, action, ...expected });
    }
    // Secrets never enter the log.
    const added = (await db.auditLog.findMany({ where: { action: "provider.add" }, orderBy: { id: "desc" }, take: 1 }))[0];
    expect(JSON.stringify([added.before, added.after])).not.toContain("very-secret-key-1");
  });

  it("a refused change writes no audit row", async () => {
    const { customer, providerId } = await fixtures();
    const mark = await newestId();
    expect(await setProviderEnabled(db, actors.staff, parsed(ZSetProviderEnabledInput, { providerId, enabled: "false" }))).toMatchObject({ ok: false });
    expect(await deductFundsForAdmin(db, actors.admin, parsed(ZDebitFundsInput, { customerId: customer.id, amount: "1000", reason: "too much" }))).toMatchObject({ ok: false });
    expect(await creditFundsForAdmin(db, actors.staff, parsed(ZCreditFundsForm, { customerId: customer.id, amount: "1", reason: "x" }))).toMatchObject({ ok: false });
    expect(await rowsSince(mark)).toEqual([]);
  });

  it("is append-only: the database refuses UPDATE, DELETE and TRUNCATE", async () => {
    const { customer } = await fixtures();
    const [row] = await db.auditLog.findMany({ where: { entityId: String(customer.id), action: "funds.credit" } });
    await expect(db.auditLog.update({ where: { id: row.id }, data: { reason: "rewritten" } })).rejects.toThrow(/append-only/);
    await expect(db.auditLog.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`TRUNCATE "AuditLog"`)).rejects.toThrow(/append-only/);
    expect((await db.auditLog.findUniqueOrThrow({ where: { id: row.id } })).reason).toBe("setup");
  });

  it("lists with filters and bounded pages, staff only", async () => {
    const { customer } = await fixtures();
    await deductFundsForAdmin(db, actors.admin, parsed(ZDebitFundsInput, { customerId: customer.id, amount: "1", reason: "listed" }));
    const page = await listAuditLog(db, actors.staff, { actor: actors.admin.email, action: "funds.debit", entityType: "User", entityId: String(customer.id) });
    expect(page.rows.map((r) => [r.action, r.reason, r.actor?.email])).toEqual([["funds.debit", "listed", actors.admin.email]]);
    expect(page.rows[0].changes).toEqual([
      { field: "amount", kind: "set", before: null, after: "-1.000000" },
      { field: "balance", kind: "changed", before: "20.000000", after: "19.000000" },
    ]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await listAuditLog(db, actors.staff, { from: today, to: today, entityType: "user", entityId: String(customer.id) })).total).toBe(2);
    expect((await listAuditLog(db, actors.staff, { to: "2000-01-01" })).total).toBe(0);
    const huge = await listAuditLog(db, actors.staff, { page: "99999999999" });
    expect(huge.page).toBe(1);
    await expect(listAuditLog(db, actors.customer, {})).rejects.toThrow();
  });
});
