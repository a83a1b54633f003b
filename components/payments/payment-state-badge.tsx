// The one badge for a payment's state, customer and staff pages alike; every state has its tone and
// its name (lib/payments/labels.ts; both Records are exhaustive over the enum).
import type { PaymentState } from "@/lib/db/generated/enums";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { PAYMENT_STATE_LABELS } from "@/lib/payments/labels";

const TONES: Record<PaymentState, BadgeTone> = {
  waiting: "indigo", paid: "green", failed: "red", expired: "slate", canceled: "slate", rejected: "red", flagged: "amber", charged_back: "amber",
};

export function PaymentStateBadge({ state }: { state: PaymentState }) {
  return <Badge tone={TONES[state]}>{PAYMENT_STATE_LABELS[state]}</Badge>;
}
