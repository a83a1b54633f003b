// The one badge for a payment's state, customer and staff pages alike; every state has its tone
// (the Record is exhaustive over the enum, so a new state cannot go uncoloured).
import type { PaymentState } from "@/lib/db/generated/enums";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONES: Record<PaymentState, BadgeTone> = {
  waiting: "indigo", paid: "green", failed: "red", expired: "slate", canceled: "slate", rejected: "red", flagged: "amber", charged_back: "amber",
};
const LABELS: Partial<Record<PaymentState, string>> = { charged_back: "charged back", flagged: "under review" };

export function PaymentStateBadge({ state }: { state: PaymentState }) {
  return <Badge tone={TONES[state]}>{LABELS[state] ?? state}</Badge>;
}
