// Turning an upstream's free-text status into something the order code can act on.
// Only texts we have seen are mapped; anything else is "unknown", which is never final and
// never success, so an order with a strange status waits and gets reported instead of settled.

export type OrderStatusClass = "pending" | "in_progress" | "completed" | "partial" | "canceled" | "unknown";
export type RefillStatusClass = "pending" | "in_progress" | "completed" | "rejected" | "unknown";

/** Lower case, single spaces; "In_Progress", " in-progress " and "IN PROGRESS" compare equal. */
function normaliseStatusText(text: string): string {
  return text.trim().toLowerCase().replace(/[\s_-]+/g, " ");
}

const ORDER_STATUS_CLASSES: Record<string, OrderStatusClass> = {
  pending: "pending",
  // Panels say "Processing" once the order has been handed to the provider; work has begun,
  // so it sits with "In progress". Both are non-final, so the choice does not move money.
  processing: "in_progress",
  "in progress": "in_progress",
  inprogress: "in_progress",
  completed: "completed",
  partial: "partial",
  canceled: "canceled",
  cancelled: "canceled",
  // Refunded is a cancel that has already given the money back: the same outcome for us.
  refunded: "canceled",
  // "Success" is deliberately absent. It has been seen, but nothing says whether it means
  // "completed" or "your request succeeded"; settling on it could keep a customer's money for
  // undelivered work, so it stays unknown and is reported.
};

const REFILL_STATUS_CLASSES: Record<string, RefillStatusClass> = {
  pending: "pending",
  processing: "in_progress",
  "in progress": "in_progress",
  inprogress: "in_progress",
  completed: "completed",
  rejected: "rejected",
};

export function classifyOrderStatus(text: string): OrderStatusClass {
  return ORDER_STATUS_CLASSES[normaliseStatusText(text)] ?? "unknown";
}

export function classifyRefillStatus(text: string): RefillStatusClass {
  return REFILL_STATUS_CLASSES[normaliseStatusText(text)] ?? "unknown";
}

/** Completed, Partial and Canceled never change again; anything else (incl. unknown) may. */
export function isFinalOrderClass(statusClass: OrderStatusClass): boolean {
  return statusClass === "completed" || statusClass === "partial" || statusClass === "canceled";
}
