// Shapes the upstream client hands to the rest of the panel. Money is always an exact Decimal;
// ids are always strings, whatever the upstream sent.
import type { Decimal } from "@/lib/money";
import type { OrderStatusClass, RefillStatusClass } from "./statuses";

/**
 * `definite`: the upstream clearly refused, nothing was created.
 * `indeterminate`: the call may or may not have taken effect (lost answer, 5xx, garbage body…).
 */
export type UpstreamFailureKind = "definite" | "indeterminate";

export type UpstreamFailure = { ok: false; kind: UpstreamFailureKind; message: string; httpStatus?: number };
export type UpstreamResult<T> = { ok: true; value: T } | UpstreamFailure;

/** A per-id error inside a batch answer, or a whole chunk that failed (kind tells which is safe to act on). */
export type BatchItemError = { error: string; kind: UpstreamFailureKind };

export type ServiceListing = {
  service: string;
  name: string;
  /** Verbatim, e.g. "Default" or "default"; see `canonicalServiceType`. */
  type: string;
  category: string;
  /** Per 1000 units. */
  rate: Decimal;
  min: number;
  max: number;
  refill: boolean;
  cancel: boolean;
  dripfeed: boolean;
  description?: string;
};

export type ProductListing = {
  product: string;
  name: string;
  require: string | null;
  /** Per unit. */
  rate: Decimal;
  min: number;
  max: number;
  category: string;
  status: string;
  inventory: number | null;
  type: "Auto" | "Service" | (string & {});
};

export type OrderStatus = {
  charge: Decimal | null;
  startCount: number | null;
  /** The upstream's text, verbatim. */
  status: string;
  statusClass: OrderStatusClass;
  /** May be negative (over-delivery). */
  remains: number | null;
  currency: string | null;
};

export type RefillStatus = { status: string; statusClass: RefillStatusClass };

export type ProductOrderStatus = {
  charge: Decimal | null;
  status: string;
  statusClass: OrderStatusClass;
  result: string | null;
  remains: number | null;
  note: string | null;
};

export type Balance = { balance: Decimal; currency: string };

export type CreatedOrder = { order: string };
export type CreatedRefill = { refill: string };

export type RefillBatchItem = { order: string; refill: string } | ({ order: string } & BatchItemError);
export type RefillStatusBatchItem = ({ refill: string } & RefillStatus) | ({ refill: string } & BatchItemError);
export type CancelBatchItem = { order: string; ok: true } | ({ order: string } & BatchItemError);
