import "server-only";
import { getDb } from "@/lib/db/client";
import { DELIVERED_STATES, LIVE_STATES } from "@/lib/orders/state-machine";
import { boughtName } from "@/lib/orders/item-name";

/** What a customer's dashboard shows; scoped to that customer by id. */
export async function getCustomerSummary(customerId: number) {
  const db = await getDb();
  const [user, byState, recent] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: customerId }, select: { balance: true, email: true } }),
    db.order.groupBy({ by: ["state"], where: { userId: customerId }, _count: { _all: true } }),
    db.order.findMany({
      where: { userId: customerId },
      orderBy: { id: "desc" },
      take: 5,
      select: { id: true, state: true, charge: true, quantity: true, createdAt: true, itemName: true, service: { select: { name: true } }, product: { select: { name: true } } },
    }),
  ]);
  const count = (states: readonly string[]) => byState.filter((s) => states.includes(s.state)).reduce((n, s) => n + s._count._all, 0);
  return {
    balance: user.balance.toString(),
    active: count(LIVE_STATES),
    completed: count(DELIVERED_STATES),
    recent: recent.map((o) => ({ ...o, charge: o.charge.toString(), name: boughtName(o) })),
  };
}
