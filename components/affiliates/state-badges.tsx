// Commission and payout states in words, from one place for the customer and staff pages.
import { Badge, type BadgeTone } from "@/components/ui/badge";

const COMMISSION: Record<string, { label: string; tone: BadgeTone }> = {
  earned: { label: "Earned", tone: "green" },
  held: { label: "On review", tone: "amber" },
  voided: { label: "Voided", tone: "red" },
};

const PAYOUT: Record<string, { label: string; tone: BadgeTone }> = {
  requested: { label: "Waiting for staff", tone: "amber" },
  paid: { label: "Paid", tone: "green" },
  rejected: { label: "Rejected", tone: "red" },
};

export function CommissionStateBadge({ state, reason }: { state: string; reason?: string | null }) {
  const s = COMMISSION[state] ?? { label: state, tone: "slate" as const };
  return <Badge tone={s.tone} title={reason ?? undefined} testId="commission-state">{s.label}</Badge>;
}

export function PayoutStateBadge({ state, reason }: { state: string; reason?: string | null }) {
  const s = PAYOUT[state] ?? { label: state, tone: "slate" as const };
  return <Badge tone={s.tone} title={reason ?? undefined}>{s.label}</Badge>;
}
