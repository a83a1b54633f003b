// What each payment state is called on people's pages, customer and staff alike. Keyed by the
// database enum, so a new state does not compile until it has a name here.
import type { PaymentState } from "@/lib/db/generated/enums";

export const PAYMENT_STATE_LABELS: Record<PaymentState, string> = {
  waiting: "Awaiting payment",
  paid: "Paid",
  failed: "Failed",
  expired: "Expired",
  canceled: "Canceled",
  rejected: "Rejected",
  flagged: "Under review",
  charged_back: "Charged back",
};
