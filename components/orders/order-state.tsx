import type { OrderState } from "@/lib/db/generated/enums";

const LABELS: Record<OrderState, { label: string; tone: string }> = {
  pending_submit: { label: "Sending", tone: "bg-slate-100 text-slate-700" },
  unknown: { label: "Being checked", tone: "bg-amber-100 text-amber-800" },
  failed: { label: "Not placed (refunded)", tone: "bg-red-100 text-red-700" },
  pending: { label: "Pending", tone: "bg-slate-100 text-slate-700" },
  in_progress: { label: "In progress", tone: "bg-blue-100 text-blue-800" },
  completed: { label: "Completed", tone: "bg-green-100 text-green-800" },
  partial: { label: "Partial", tone: "bg-orange-100 text-orange-800" },
  canceled: { label: "Canceled", tone: "bg-red-100 text-red-700" },
};

export function OrderStateBadge({ state }: { state: OrderState }) {
  const { label, tone } = LABELS[state];
  return <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${tone}`} data-testid="order-state">{label}</span>;
}

export const ORDER_STATE_FILTERS: { value: string; label: string }[] = [
  { value: "", label: "All" },
  ...(["pending", "in_progress", "completed", "partial", "canceled", "failed", "unknown"] as OrderState[]).map((s) => ({ value: s, label: LABELS[s].label })),
];
