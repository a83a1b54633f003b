// funds:deduct and order:refund through the real CLI entry point: the same ledger functions as
// the pages, the operator recorded as the CLI (actor null) in the ledger and the audit log.
import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/connection";
import { createChargedOrder, createCustomer, runCliCommand, settleTestOrder, withDatabase } from "@/lib/testing/fixtures";
import { verifyLedger } from "./verify-ledger";

let db: Db;
withDatabase((ready) => void (db = ready));

const cli = runCliCommand;

describe("admin money commands", () => {
  it("funds:deduct never below zero; order:refund once, within the charge", async () => {
    const customerId = await createCustomer(db, "10");
    const { email } = await db.user.findUniqueOrThrow({ where: { id: customerId } });
    expect(await cli("funds:deduct", "--email", email, "--amount", "10.5", "--reason", "too much")).toMatchObject({ code: 1, text: expect.stringContaining("at most that much") });
    expect(await cli("funds:deduct", "--email", email, "--amount", "2", "--reason", "fee")).toEqual({ code: 0, text: `Deducted 2.000000 from ${email}; balance now 8.000000.` });
    const orderId = await createChargedOrder(db, customerId, { charge: "3", quantity: 100 });
    expect(await cli("order:refund", String(orderId), "--amount", "1", "--reason", "x")).toMatchObject({ code: 1, text: expect.stringContaining("not finished") });
    await settleTestOrder(db, orderId, "completed");
    expect(await cli("order:refund", String(orderId), "--amount", "3", "--reason", "complaint")).toMatchObject({ code: 0, text: expect.stringContaining("Refunded 3.000000") });
    expect(await cli("order:refund", String(orderId), "--amount", "1", "--reason", "again")).toMatchObject({ code: 1, text: expect.stringContaining("already has a manual refund") });
    const audit = await db.auditLog.findMany({ where: { OR: [{ entityType: "User", entityId: String(customerId) }, { entityType: "Order", entityId: String(orderId) }] }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([["funds.debit", null], ["order.refund_manual", null]]);
    expect((await verifyLedger(db, { customerIds: [customerId] })).ok).toBe(true);
  });
});
