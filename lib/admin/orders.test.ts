import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/connection";
import { creditFunds, verifyLedger } from "@/lib/ledger";
import { placeOrder } from "@/lib/orders";
import type { SimulatorHandle } from "@/lib/upstream/simulator";
import { listFlaggedOrders, listOrdersForStaff, listOrdersToResolve, resolveOrderForStaff } from "./orders";
import { makeUser, parsed, serviceOfType, withActorsAndSimulatorProvider, type Actors } from "@/lib/testing/fixtures";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { ZResolveOrderInput } from "./schemas";

let db: Db;
let sim: SimulatorHandle;
let actors: Actors;
let providerId: number;
let serviceId: number;
let quantity: number;

withActorsAndSimulatorProvider({ seed: 3, services: 20, products: 0, markup: "10" }, async (ready) => {
  ({ db, actors, sim, providerId } = ready);
  const service = await serviceOfType(db, providerId, "Default");
  serviceId = service.id;
  quantity = service.min;
});

/** A customer with funds and one order whose `add` answer was lost (the simulator created it). */
async function unknownOrder() {
  const customer = await makeUser(db, "customer");
  const credited = await creditFunds(db, { customerId: customer.id, amount: "1000", reason: "test" });
  if (!credited.ok) throw new Error(credited.message);
  sim.setFault("add", { type: "create-then-drop", times: 1 });
  const placed = await placeOrder(db, customer.id, { serviceId, link: "https://instagram.com/p/x", quantity });
  if (!placed.ok) throw new Error(JSON.stringify(placed));
  const order = await db.order.findUniqueOrThrow({ where: { id: placed.order.id } });
  expect(order.state).toBe("unknown");
  const upstreamId = sim.orders().at(-1)!.id;
  return { customer, order, upstreamId };
}

const balanceOf = async (id: number) => (await db.user.findUniqueOrThrow({ where: { id } })).balance.toFixed(6);

describe("orders for staff", () => {
  it("lists the unknown order to resolve and as flagged, with its events; filters by customer email and state", async () => {
    const { customer, order } = await unknownOrder();
    const toResolve = await listOrdersToResolve(db, actors.staff, { providerId });
    const listed = toResolve.find((o) => o.id === order.id)!;
    expect(listed).toMatchObject({ state: "unknown", upstreamOrderId: null, user: { email: customer.email } });
    expect(listed.events.map((e) => e.type)).toEqual(expect.arrayContaining(["submit-unanswered", "flag"]));
    expect((await listFlaggedOrders(db, actors.staff, { providerId })).map((o) => o.id)).toContain(order.id);

    const byEmail = await listOrdersForStaff(db, actors.staff, { email: customer.email.toUpperCase() });
    expect(byEmail.orders.map((o) => o.id)).toEqual([order.id]);
    expect(byEmail.orders[0].charge).toBe(order.charge.toFixed(6));
    expect((await listOrdersForStaff(db, actors.staff, { email: customer.email, state: "completed" })).total).toBe(0);
    expect((await listOrdersForStaff(db, actors.staff, { email: customer.email, flagged: "yes" })).total).toBe(1);
    await expect(listOrdersToResolve(db, actors.customer)).rejects.toThrow();
  });

  it("resolving as failed is admin-only and refunds exactly once", async () => {
    const { customer, order } = await unknownOrder();
    const charged = await balanceOf(customer.id);
    expect(await resolveOrderForStaff(db, actors.staff, parsed(ZResolveOrderInput, { outcome: "failed", orderId: String(order.id) }))).toEqual({ ok: false, code: "not_allowed", message: "Only an admin can do this." });
    expect(await balanceOf(customer.id)).toBe(charged);

    expect(await resolveOrderForStaff(db, actors.admin, parsed(ZResolveOrderInput, { outcome: "failed", orderId: String(order.id) }))).toEqual({ ok: true, state: "failed" });
    expect(await balanceOf(customer.id)).toBe("1000.000000");
    const again = await resolveOrderForStaff(db, actors.admin, parsed(ZResolveOrderInput, { outcome: "failed", orderId: String(order.id) }));
    expect(again).toMatchObject({ ok: false, message: expect.stringContaining("not unknown") });
    expect(await balanceOf(customer.id)).toBe("1000.000000");
    const refund = await db.ledgerEntry.findFirstOrThrow({ where: { orderId: order.id, kind: "refund_failed" } });
    expect(refund.actorId).toBe(actors.admin.id);
    expect((await verifyLedger(db, { customerIds: [customer.id] })).ok).toBe(true);
  });

  it("resolving as placed records the upstream id, refuses a bad id beside the field and an id another order follows", async () => {
    const first = await unknownOrder();
    const second = await unknownOrder();
    for (const upstreamId of ["", "12 34", "x".repeat(101)]) {
      // A bad id is refused by the boundary's schema, beside the field, before anything runs.
      const bad = ZResolveOrderInput.safeParse({ outcome: "placed", orderId: first.order.id, upstreamId });
      expect(bad.success ? {} : fieldErrorsOf(bad.error)).toMatchObject({ upstreamId: expect.any(String) });
    }
    expect(await resolveOrderForStaff(db, actors.admin, parsed(ZResolveOrderInput, { outcome: "placed", orderId: first.order.id, upstreamId: first.upstreamId }))).toEqual({ ok: true, state: "pending" });
    const placed = await db.order.findUniqueOrThrow({ where: { id: first.order.id } });
    expect([placed.state, placed.upstreamOrderId, placed.flag]).toEqual(["pending", first.upstreamId, null]);

    const taken = await resolveOrderForStaff(db, actors.admin, parsed(ZResolveOrderInput, { outcome: "placed", orderId: second.order.id, upstreamId: first.upstreamId }));
    expect(taken).toMatchObject({ ok: false, code: "upstream_order_taken", fields: { upstreamId: { message: expect.stringContaining(`#${first.order.id}`) } } });
    expect((await db.order.findUniqueOrThrow({ where: { id: second.order.id } })).state).toBe("unknown");
    expect(ZResolveOrderInput.safeParse({ outcome: "maybe", orderId: second.order.id }).success).toBe(false);
  });
});
