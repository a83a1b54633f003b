// Our internal states in the protocol's words. Customers of our API see our states, never the
// upstream's raw text.
import type { OrderState, RefillState } from "@/lib/db/generated/enums";

/**
 * pending_submit (charged, not yet sent) and unknown (sent, answer lost, staff resolving) are
 * both "Pending": nothing is known to be delivering, and Pending is non-final for every client,
 * so a reseller keeps polling and neither settles nor refunds. failed (refused upstream, fully
 * refunded) is "Canceled", the final status that means "not delivered, money back".
 */
export const ORDER_STATUS_TEXT: Record<OrderState, string> = {
  pending_submit: "Pending",
  unknown: "Pending",
  pending: "Pending",
  in_progress: "In progress",
  completed: "Completed",
  partial: "Partial",
  canceled: "Canceled",
  failed: "Canceled",
};

/** A refill refused upstream (failed) is "Rejected"; one whose answer was lost stays "Pending". */
export const REFILL_STATUS_TEXT: Record<RefillState, string> = {
  pending_submit: "Pending",
  unknown: "Pending",
  pending: "Pending",
  in_progress: "In progress",
  completed: "Completed",
  rejected: "Rejected",
  failed: "Rejected",
};
