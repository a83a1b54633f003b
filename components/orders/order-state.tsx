// The one order state badge, customer and staff pages alike. Its colour follows the state machine
// (lib/orders/state-machine.ts): waiting for add's answer, followed upstream, or final — and a final
// state by what entering it did to the money (delivered, partly refunded, refunded). Customers read
// the state in words; staff read the state's own name, which the filters, the CLI and the logs use.
import type { OrderState } from "@/lib/db/generated/enums";
import { ORDER_STATE_LABELS as CUSTOMER_LABELS, staffStateLabel } from "@/lib/orders/labels";
import { moneyOnEntering, PHASE } from "@/lib/orders/state-machine";
import { Badge, type BadgeTone } from "@/components/ui/badge";


const FINAL_TONES: Record<ReturnType<typeof moneyOnEntering>, BadgeTone> = { none: "green", debit: "green", partial_refund: "orange", full_refund: "red" };

export function orderStateTone(state: OrderState): BadgeTone {
  const phase = PHASE[state];
  if (phase === "awaiting_answer") return "amber";
  if (phase === "open") return "indigo";
  return FINAL_TONES[moneyOnEntering(state)];
}

export { staffStateLabel };

export function OrderStateBadge({ state, audience = "customer" }: { state: OrderState; audience?: "customer" | "staff" }) {
  return (
    <Badge tone={orderStateTone(state)} testId="order-state">
      {audience === "staff" ? staffStateLabel(state) : CUSTOMER_LABELS[state]}
    </Badge>
  );
}

export const ORDER_STATE_FILTERS: { value: string; label: string }[] = [
  { value: "", label: "All" },
  ...(["pending", "in_progress", "completed", "partial", "canceled", "failed", "unknown"] as OrderState[]).map((s) => ({ value: s, label: CUSTOMER_LABELS[s] })),
];
