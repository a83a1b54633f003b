import { Badge } from "@/components/admin/badges";

const TONES = { waiting: "indigo", paid: "green", failed: "red", expired: "slate", canceled: "slate", rejected: "red", flagged: "amber", charged_back: "amber" } as const;
const LABELS: Record<string, string> = { charged_back: "charged back", flagged: "under review" };

/** One badge for a payment's state, customer and staff pages alike. */
export function PaymentStateBadge({ state }: { state: string }) {
  return <Badge tone={TONES[state as keyof typeof TONES] ?? "slate"}>{LABELS[state] ?? state}</Badge>;
}
