import "server-only";
import type { Db } from "@/lib/db/connection";

/** A customer's refill requests for one of their orders (empty for another customer's order). */
export async function listOrderRefills(db: Db, customerId: number, orderId: number) {
  return db.refill.findMany({
    where: { orderId, userId: customerId },
    orderBy: { id: "desc" },
    select: { id: true, state: true, upstreamStatus: true, createdAt: true },
  });
}
