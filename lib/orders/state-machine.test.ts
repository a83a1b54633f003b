import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb, type Db } from "@/lib/db/connection";
import { verifyLedger } from "@/lib/ledger/verify-ledger";
import { Decimal } from "@/lib/money";
import type { OrderStatusClass } from "@/lib/upstream/statuses";
import {
  allowedStateMoves,
  CANCELLABLE_STATES,
  DELIVERED_STATES,
  FINAL_STATES,
  LIVE_STATES,
  moneyOnEntering,
  OPEN_STATES,
  ORDER_STATES,
  PHASE,
  STATE_FOR_STATUS_CLASS,
  TRANSITIONS,
} from "./state-machine";
import { balanceOf, createChargedOrder, createCustomer, settleTestOrder } from "@/lib/testing/fixtures";
import { moveOrders } from "./move-orders";

let db: Db;
beforeAll(async () => {
  db = await getDb();
});
afterAll(closeDb);

describe("the transition table", () => {
  it("has phases that agree with it: final states have no way out, open states are moved by status polls only", () => {
    for (const state of ORDER_STATES) {
      const out = TRANSITIONS.filter((t) => t.from === state);
      if (PHASE[state] === "final") expect(out, state).toEqual([]);
      else expect(out.length, state).toBeGreaterThan(0);
      if (PHASE[state] === "open") expect(out.every((t) => t.by.join() === "worker"), state).toBe(true);
    }
    expect(OPEN_STATES).toEqual(["pending", "in_progress"]);
    expect(FINAL_STATES).toEqual(["failed", "completed", "partial", "canceled"]);
    expect(LIVE_STATES).toEqual(["pending_submit", "unknown", "pending", "in_progress"]);
    expect(DELIVERED_STATES).toEqual(["completed", "partial"]);
    expect(CANCELLABLE_STATES).toEqual(OPEN_STATES);
  });

  it("gives every state one money effect on entering it, and only creation debits", () => {
    expect(Object.fromEntries(ORDER_STATES.map((s) => [s, moneyOnEntering(s)]))).toEqual({
      pending_submit: "debit",
      unknown: "none",
      failed: "full_refund",
      pending: "none",
      in_progress: "none",
      completed: "none",
      partial: "partial_refund",
      canceled: "full_refund",
    });
    expect(TRANSITIONS.filter((t) => t.from === null).map((t) => t.to)).toEqual(["pending_submit"]);
  });

  it("maps every upstream status class explicitly; unknown is no state", () => {
    const classes: OrderStatusClass[] = ["pending", "in_progress", "completed", "partial", "canceled", "unknown"];
    expect(Object.keys(STATE_FOR_STATUS_CLASS).sort()).toEqual([...classes].sort());
    expect(STATE_FOR_STATUS_CLASS.unknown).toBeNull();
    // What a poll can report leads somewhere the worker may go from an open state.
    for (const cls of classes) {
      const state = STATE_FOR_STATUS_CLASS[cls];
      if (state) expect(OPEN_STATES.some((from) => from === state || TRANSITIONS.some((t) => t.from === from && t.to === state && t.by.includes("worker")))).toBe(true);
    }
  });

  it("is the table the database enforces", async () => {
    const rows = await db.orderStateTransition.findMany();
    const key = (m: { from: string; to: string; by: string[] }) => `${m.from}>${m.to} by ${[...m.by].sort().join(",")}`;
    expect(rows.map(key).sort()).toEqual(allowedStateMoves().map(key).sort());
    expect(allowedStateMoves().filter((m) => m.by.includes("reconciler")).map((m) => `${m.from}>${m.to}`)).toEqual(["unknown>pending", "unknown>failed"]);
  });
});

describe("enforcement", () => {
  it("the database refuses a change of state the table does not list, from any code or SQL", async () => {
    const customerId = await createCustomer(db, "10");
    const orderId = await createChargedOrder(db, customerId, { charge: "2", quantity: 1000 });
    await settleTestOrder(db, orderId, "completed");
    // Final states stay final; pending_submit cannot skip the answer; nothing reopens.
    for (const state of ["pending", "in_progress", "canceled", "partial", "failed", "pending_submit"] as const) {
      await expect(db.order.update({ where: { id: orderId }, data: { state } }), state).rejects.toThrow(/may not move from completed to/);
    }
    await expect(db.$executeRaw`UPDATE "Order" SET state = 'pending' WHERE id = ${orderId}`).rejects.toThrow(/may not move from completed to pending/);
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).state).toBe("completed");
    // Writing the same state again, or other columns, is not a transition.
    await db.order.update({ where: { id: orderId }, data: { state: "completed", upstreamStatus: "Completed" } });
  });

  it("the database refuses a listed move made by an actor the table does not name for it, or by none", async () => {
    const customerId = await createCustomer(db, "10");
    const orderId = await createChargedOrder(db, customerId, { charge: "2", quantity: 1000 });
    await expect(db.$executeRaw`UPDATE "Order" SET state = 'in_progress' WHERE id = ${orderId}`).rejects.toThrow(/may not move from pending to in_progress by an unnamed actor/);
    await expect(db.$executeRaw`UPDATE "Order" SET state = 'canceled', "moveBy" = 'reconciler' WHERE id = ${orderId}`).rejects.toThrow(/may not move from pending to canceled by reconciler/);
    // The actor is an argument, never kept: a later statement cannot borrow it.
    await db.$executeRaw`UPDATE "Order" SET state = 'pending', "moveBy" = 'worker' WHERE id = ${orderId}`;
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { moveBy: true } })).moveBy).toBeNull();
    await expect(db.$executeRaw`UPDATE "Order" SET state = 'in_progress' WHERE id = ${orderId}`).rejects.toThrow(/by an unnamed actor/);
    await db.$executeRaw`UPDATE "Order" SET state = 'in_progress', "moveBy" = 'worker' WHERE id = ${orderId}`;
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).state).toBe("in_progress");
    // Nor can an actor be parked on the row without a move, for a later change of state to use.
    await db.$executeRaw`UPDATE "Order" SET "moveBy" = 'worker' WHERE id = ${orderId}`;
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { moveBy: true } })).moveBy).toBeNull();
    await expect(db.$executeRaw`UPDATE "Order" SET state = 'completed' WHERE id = ${orderId}`).rejects.toThrow(/by an unnamed actor/);
  });

  it("moveOrders refuses a move the table does not list for that actor, before touching anything", async () => {
    const customerId = await createCustomer(db, "10");
    const orderId = await createChargedOrder(db, customerId, { charge: "2", quantity: 1000 });
    const events = await db.orderEvent.count({ where: { orderId } });
    const attempt = (to: "completed" | "failed", by: "staff" | "worker") => moveOrders(db, { by }, [{ id: orderId, from: "pending", to, events: [{ type: "status", message: "x" }] }]);
    await expect(attempt("completed", "staff")).rejects.toThrow(/pending → completed by staff is not in the transition table/);
    await expect(attempt("failed", "worker")).rejects.toThrow(/not in the transition table/);
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).state).toBe("pending");
    expect(await db.orderEvent.count({ where: { orderId } })).toBe(events);
  });

  it("applies the table's money effect once, with the event, and the loser of a race moves nothing", async () => {
    const customerId = await createCustomer(db, "10");
    const orderId = await createChargedOrder(db, customerId, { charge: "2", quantity: 1000 });
    const settle = () => moveOrders(db, { by: "worker" }, [{ id: orderId, from: OPEN_STATES, to: "partial", set: { remains: 250 }, events: [{ type: "status", message: "pending → partial" }] }]);
    const results = await Promise.all([settle(), settle(), settle()]);
    expect(results.map((r) => r.length).sort()).toEqual([0, 0, 1]);
    const winner = results.find((r) => r.length)![0];
    expect(winner).toMatchObject({ id: orderId, userId: customerId, from: "pending", to: "partial", refunded: { kind: "refund_partial", amount: new Decimal("0.5") } });
    expect((await db.ledgerEntry.findMany({ where: { orderId, kind: "refund_partial" } })).map((e) => e.amount.toFixed(6))).toEqual(["0.500000"]);
    const history = await db.orderEvent.findMany({ where: { orderId, type: { in: ["status", "refund"] } }, orderBy: { id: "asc" } });
    expect(history.map((e) => [e.type, e.message])).toEqual([["status", "pending → partial"], ["refund", "refund_partial 0.500000"]]);
    expect((await verifyLedger(db, { customerIds: [customerId] })).ok).toBe(true);
  });

  it("moves a batch of orders of several customers in one statement, each refunded once, in the ledger's order", async () => {
    const [a, b] = [await createCustomer(db, "10"), await createCustomer(db, "10")];
    const ids = [
      await createChargedOrder(db, a, { charge: "1", quantity: 1000 }),
      await createChargedOrder(db, a, { charge: "2", quantity: 1000 }),
      await createChargedOrder(db, b, { charge: "3", quantity: 1000 }),
      await createChargedOrder(db, b, { charge: "4", quantity: 1000 }),
    ];
    const moved = await moveOrders(db, { by: "worker" }, [
      { id: ids[0], from: "pending", to: "canceled" },
      { id: ids[1], from: "pending", to: "partial", set: { remains: 999 } },
      { id: ids[2], from: "pending", to: "completed" },
      // Not in `from` any more (pending): matches nothing, no money.
      { id: ids[3], from: "in_progress", to: "canceled" },
    ]);
    expect(moved.map((m) => [m.id, m.to, m.refunded?.amount.toFixed(6) ?? null])).toEqual([
      [ids[0], "canceled", "1.000000"],
      [ids[1], "partial", "1.998000"],
      [ids[2], "completed", null],
    ]);
    expect(await balanceOf(db, a)).toBe("9.998000");
    expect(await balanceOf(db, b)).toBe("3.000000");
    expect((await verifyLedger(db, { customerIds: [a, b] })).ok).toBe(true);
  });
});
