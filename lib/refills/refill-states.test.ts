// The refill's transition table, the trigger that mirrors it, and moveRefills, the one function
// that changes a refill's state (checked by lib/ledger/one-writer.test.ts).
import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/connection";
import { RefillState } from "@/lib/db/generated/enums";
import { createChargedOrder, createCustomer, settleTestOrder, withDatabase } from "@/lib/testing/fixtures";
import { moveRefills } from "./move-refills";
import { allowedRefillStatePairs, POLLED_REFILL_STATES, REFILL_TRANSITIONS } from "./refill-states";

let db: Db;
withDatabase((ready) => void (db = ready));

async function newRefill() {
  const customerId = await createCustomer(db, "10");
  const orderId = await createChargedOrder(db, customerId, { charge: "1", quantity: 100 });
  await settleTestOrder(db, orderId, "completed");
  return (await db.refill.create({ data: { orderId, userId: customerId, state: "pending_submit" } })).id;
}

describe("the refill transition table", () => {
  it("reaches every state; the polled states are the ones the worker moves", () => {
    expect([...new Set(REFILL_TRANSITIONS.map((t) => t.to))].sort()).toEqual([...Object.values(RefillState)].sort());
    const byWorker = [...new Set(REFILL_TRANSITIONS.filter((t) => t.by.includes("worker")).map((t) => t.from))].sort();
    expect(byWorker).toEqual([...POLLED_REFILL_STATES].sort());
  });

  it("is the table the database enforces", async () => {
    const rows = await db.refillStateTransition.findMany();
    const key = ([from, to]: [string, string]) => `${from}>${to}`;
    expect(rows.map((r) => key([r.from, r.to])).sort()).toEqual(allowedRefillStatePairs().map(key).sort());
  });

  it("the database refuses a move the table does not list; moveRefills refuses it before writing", async () => {
    const id = await newRefill();
    await expect(db.$executeRaw`UPDATE "Refill" SET state = 'completed' WHERE id = ${id}`).rejects.toThrow(/may not move from pending_submit to completed/);
    await expect(moveRefills(db, { where: { id }, from: "pending_submit", to: "completed", by: "worker" })).rejects.toThrow(/not in the transition table/);
    expect(await moveRefills(db, { where: { id }, from: "pending_submit", to: "pending", by: "request", data: { upstreamRefillId: "r-1" } })).toBe(1);
    // Moved already: a second request's answer matches nothing.
    expect(await moveRefills(db, { where: { id }, from: "pending_submit", to: "failed", by: "request" })).toBe(0);
    expect((await db.refill.findUniqueOrThrow({ where: { id } })).state).toBe("pending");
  });
});
