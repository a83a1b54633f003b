// What was bought keeps its name: renaming a service later changes the catalog, not past orders
// (Order.itemName, written by the database's insert trigger at placement).
import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/connection";
import { editService, ZEditServiceInput } from "@/lib/catalog/edit-service";
import { listOrdersForStaff } from "@/lib/admin/orders";
import { createCustomer, parsed, serviceOfType, TEST_LINK, withActorsAndSimulatorProvider, type Actors } from "@/lib/testing/fixtures";
import { getOrder, listOrders } from "./list-orders";
import { placeOrder } from "./place-order";

let db: Db;
let actors: Actors;
let providerId: number;
withActorsAndSimulatorProvider({ seed: 5, services: 20, markup: "10" }, (ctx) => ({ db, actors, providerId } = ctx));

describe("an order's name", () => {
  it("stays what was bought when the service is renamed afterwards", async () => {
    const service = await serviceOfType(db, providerId, "Default");
    const customerId = await createCustomer(db, "1000");
    const placed = await placeOrder(db, customerId, { serviceId: service.id, link: TEST_LINK, quantity: service.min });
    if (!placed.ok) throw new Error(placed.message);
    expect(placed.order.name).toBe(service.name);
    expect((await db.order.findUniqueOrThrow({ where: { id: placed.order.id } })).itemName).toBe(service.name);

    const renamed = await editService(db, actors.admin, parsed(ZEditServiceInput, { serviceId: service.id, name: "A brand new name", enabled: "on" }));
    expect(renamed).toEqual({ ok: true });
    expect((await db.service.findUniqueOrThrow({ where: { id: service.id } })).name).toBe("A brand new name");

    expect((await getOrder(db, customerId, placed.order.id))?.name).toBe(service.name);
    expect((await listOrders(db, customerId, {})).orders.find((o) => o.id === placed.order.id)?.name).toBe(service.name);
    const staff = await listOrdersForStaff(db, actors.staff, { serviceId: service.id });
    expect(staff.orders.find((o) => o.id === placed.order.id)?.item).toBe(service.name);
    // A new order after the rename is bought under the new name.
    const after = await placeOrder(db, customerId, { serviceId: service.id, link: TEST_LINK, quantity: service.min });
    if (!after.ok) throw new Error(after.message);
    expect((await getOrder(db, customerId, after.order.id))?.name).toBe("A brand new name");
  });
});
