// A customer's own orders. Every query filters by customerId: another customer's order id
// behaves exactly like one that does not exist.
import type { Db } from "@/lib/db/connection";
import type { Prisma } from "@/lib/db/generated/client";
import { CUSTOMER_ORDER_SELECT, toCustomerOrder, type CustomerOrder } from "./customer-order";
import { ZListOrdersInput } from "./schemas";
import { fail, type Failure } from "@/lib/result";
import { isDeliveredState } from "./state-machine";

export type OrderPage = { orders: CustomerOrder[]; total: number; page: number; pageSize: number };

export async function listOrders(db: Db, customerId: number, filters: unknown = {}): Promise<OrderPage> {
  const parsed = ZListOrdersInput.safeParse(filters ?? {});
  const { state, kind, search, page, pageSize } = parsed.success ? parsed.data : ZListOrdersInput.parse({});
  const where: Prisma.OrderWhereInput = { userId: customerId, ...(state ? { state } : {}), ...(kind ? { kind } : {}) };
  if (search) {
    const id = /^\d{1,9}$/.test(search) ? Number(search) : null;
    where.OR = [{ link: { contains: search, mode: "insensitive" } }, ...(id !== null ? [{ id }] : [])];
  }
  const [rows, total] = await Promise.all([
    db.order.findMany({ where, orderBy: { id: "desc" }, skip: (page - 1) * pageSize, take: pageSize, select: CUSTOMER_ORDER_SELECT }),
    db.order.count({ where }),
  ]);
  return { orders: rows.map(toCustomerOrder), total, page, pageSize };
}

export async function getOrder(db: Db, customerId: number, orderId: number): Promise<CustomerOrder | null> {
  if (!Number.isSafeInteger(orderId)) return null;
  const row = await db.order.findFirst({ where: { id: orderId, userId: customerId }, select: CUSTOMER_ORDER_SELECT });
  return row ? toCustomerOrder(row) : null;
}

/** Several of a customer's orders in one query; ids of other customers' orders are simply absent. */
export async function getOrders(db: Db, customerId: number, orderIds: number[]): Promise<Map<number, CustomerOrder>> {
  const ids = orderIds.filter((id) => Number.isSafeInteger(id));
  if (ids.length === 0) return new Map();
  const rows = await db.order.findMany({ where: { id: { in: ids }, userId: customerId }, select: CUSTOMER_ORDER_SELECT });
  return new Map(rows.map((row) => [row.id, toCustomerOrder(row)]));
}

export type ProductResults = { ok: true; lines: string[] } | Failure;

/** The delivered lines (accounts, codes…) of a finished product order. */
export async function getProductResults(db: Db, customerId: number, orderId: number): Promise<ProductResults> {
  if (!Number.isSafeInteger(orderId)) return fail("not_found", "Order not found.");
  const order = await db.order.findFirst({
    where: { id: orderId, userId: customerId },
    select: { kind: true, state: true, resultLines: true, resultsFetched: true },
  });
  if (!order) return fail("not_found", "Order not found.");
  if (order.kind !== "product") return fail("not_a_product", "Only product orders have results.");
  if (!isDeliveredState(order.state)) return fail("results_not_ready", "Results are available once the order is completed.");
  if (!order.resultsFetched) return fail("results_not_ready", "Results are being fetched; try again in a minute.");
  return { ok: true, lines: order.resultLines };
}
