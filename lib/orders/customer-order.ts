// What a customer sees of an order: never the upstream's id, cost or our staff notes.
import type { OrderKind, OrderState } from "@/lib/db/generated/enums";
import type { Prisma } from "@/lib/db/generated/client";
import { LEDGER_SCALE } from "@/lib/money";
import { boughtName } from "./item-name";
import { isDeliveredState, isOpenState } from "./state-machine";

export const CUSTOMER_ORDER_SELECT = {
  id: true,
  kind: true,
  serviceId: true,
  productId: true,
  link: true,
  quantity: true,
  itemName: true,
  params: true,
  charge: true,
  state: true,
  startCount: true,
  remains: true,
  upstreamStatus: true,
  cancelRequestedAt: true,
  createdAt: true,
  finishedAt: true,
  service: { select: { name: true, cancel: true, refill: true } },
  product: { select: { name: true } },
} satisfies Prisma.OrderSelect;

export type CustomerOrderRow = Prisma.OrderGetPayload<{ select: typeof CUSTOMER_ORDER_SELECT }>;

export type CustomerOrder = {
  id: number;
  kind: OrderKind;
  serviceId: number | null;
  productId: number | null;
  name: string;
  link: string | null;
  quantity: number;
  params: unknown;
  /** Panel currency, 6 decimals. */
  charge: string;
  state: OrderState;
  /** The upstream's words, e.g. "In progress"; null before the first status. */
  status: string | null;
  startCount: number | null;
  remains: number | null;
  canCancel: boolean;
  canRefill: boolean;
  createdAt: Date;
  finishedAt: Date | null;
};

export function toCustomerOrder(row: CustomerOrderRow): CustomerOrder {
  const open = isOpenState(row.state);
  return {
    id: row.id,
    kind: row.kind,
    serviceId: row.serviceId,
    productId: row.productId,
    name: boughtName(row, ""),
    link: row.link,
    quantity: row.quantity,
    params: row.params,
    charge: row.charge.toFixed(LEDGER_SCALE),
    state: row.state,
    status: row.upstreamStatus,
    startCount: row.startCount === null ? null : Number(row.startCount),
    remains: row.remains,
    canCancel: open && !!row.service?.cancel && !row.cancelRequestedAt,
    canRefill: isDeliveredState(row.state) && !!row.service?.refill,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
  };
}
