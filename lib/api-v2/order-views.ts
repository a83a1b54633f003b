// What `status` and `product_order_status` report for our orders: our ids, our status names and
// the charge net of refunds, read from the ledger (a Partial order costs what was delivered, a
// Canceled one nothing), as panels of this kind report it.
import { PANEL_CURRENCY } from "@/lib/currency";
import type { Db } from "@/lib/db/connection";
import { fromDb } from "@/lib/money/db-decimal";
import { Decimal, LEDGER_SCALE } from "@/lib/money";
import { getOrders, getProductResults, type CustomerOrder } from "@/lib/orders";
import { API_ERRORS, ApiRefusal } from "./errors";
import { parseOurId, requireId, requireIdList, type ApiParams } from "./params";
import { ORDER_STATUS_TEXT } from "./statuses";
import { isDeliveredState } from "@/lib/orders/state-machine";

type ItemError = { error: string };

export type ServiceOrderView = { charge: string; start_count: string; status: string; remains: string; currency: string };
export type ProductOrderView = { charge: string; status: string; result?: string; remains?: string };

const notFound = (): ItemError => ({ error: API_ERRORS.incorrectOrder });

async function netCharges(db: Db, customerId: number, orderIds: number[]): Promise<Map<number, Decimal>> {
  if (orderIds.length === 0) return new Map();
  const sums = await db.ledgerEntry.groupBy({
    by: ["orderId"],
    where: { userId: customerId, orderId: { in: orderIds } },
    _sum: { amount: true },
  });
  return new Map(sums.map((row) => [row.orderId!, row._sum.amount ? fromDb(row._sum.amount).negated() : new Decimal(0)]));
}

/** The customer's own orders of one kind, keyed by the id text asked for; others are absent. */
async function ownOrders(db: Db, customerId: number, ids: string[], kind: CustomerOrder["kind"]) {
  const parsed = ids.map((text) => [text, parseOurId(text)] as const);
  const orders = await getOrders(db, customerId, parsed.flatMap(([, id]) => (id === null ? [] : [id])));
  const found = new Map<string, CustomerOrder>();
  for (const [text, id] of parsed) {
    const order = id === null ? undefined : orders.get(id);
    if (order && order.kind === kind) found.set(text, order);
  }
  return found;
}

const money = (amount: Decimal | undefined) => (amount ?? new Decimal(0)).toFixed(LEDGER_SCALE);

/** Each id asked for: its view, or "Incorrect order ID" for anything not one of the customer's orders of this kind. */
async function viewsOf<View>(
  db: Db,
  customerId: number,
  ids: string[],
  kind: CustomerOrder["kind"],
  view: (order: CustomerOrder, charge: string) => View | Promise<View>,
): Promise<Map<string, View | ItemError>> {
  const orders = await ownOrders(db, customerId, ids, kind);
  const charges = await netCharges(db, customerId, [...orders.values()].map((o) => o.id));
  const views = new Map<string, View | ItemError>();
  for (const id of ids) {
    const order = orders.get(id);
    views.set(id, order ? await view(order, money(charges.get(order.id))) : notFound());
  }
  return views;
}

export function serviceOrderViews(db: Db, customerId: number, ids: string[]): Promise<Map<string, ServiceOrderView | ItemError>> {
  return viewsOf(db, customerId, ids, "service", (order, charge): ServiceOrderView => {
    // Nothing delivered yet, or refused: all of it remains. A Completed order without a count: none.
    const remains = order.state === "failed" ? order.quantity : (order.remains ?? (order.state === "completed" ? 0 : order.quantity));
    return { charge, start_count: String(order.startCount ?? 0), status: ORDER_STATUS_TEXT[order.state], remains: String(remains), currency: PANEL_CURRENCY };
  });
}

/**
 * A finished product order is reported Completed/Partial only once its delivered lines are
 * stored here: before that, "In progress", so that a client asking for `result_product` as
 * soon as it sees Completed always gets the lines.
 */
export function productOrderViews(db: Db, customerId: number, ids: string[]): Promise<Map<string, ProductOrderView | ItemError>> {
  return viewsOf(db, customerId, ids, "product", async (order, charge): Promise<ProductOrderView> => {
    if (!isDeliveredState(order.state)) return { charge, status: ORDER_STATUS_TEXT[order.state] };
    const results = await getProductResults(db, customerId, order.id);
    if (!results.ok) return { charge, status: ORDER_STATUS_TEXT.in_progress };
    return {
      charge,
      status: ORDER_STATUS_TEXT[order.state],
      ...(results.lines.length ? { result: results.lines.join("\n") } : {}),
      ...(order.state === "partial" ? { remains: String(order.remains ?? 0) } : {}),
    };
  });
}

/**
 * The `status` / `product_order_status` answer: with `orders`, each id's view keyed as sent; with
 * `order`, its view, or the protocol's refusal when it is not one of the customer's.
 */
export async function answerOrderViews<View>(
  params: ApiParams,
  views: (ids: string[]) => Promise<Map<string, View | ItemError>>,
): Promise<Record<string, View | ItemError> | View> {
  if (params.has("orders")) return Object.fromEntries(await views(requireIdList(params, "orders")));
  const id = String(requireId(params, "order", API_ERRORS.incorrectOrder));
  const view = (await views([id])).get(id)!;
  if (view && typeof view === "object" && "error" in view) throw new ApiRefusal((view as ItemError).error);
  return view as View;
}
