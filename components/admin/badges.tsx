import type { ReactNode } from "react";

const tones = {
  green: "bg-green-50 text-green-700 ring-green-200",
  red: "bg-red-50 text-red-700 ring-red-200",
  amber: "bg-amber-50 text-amber-800 ring-amber-200",
  slate: "bg-slate-100 text-slate-600 ring-slate-200",
  indigo: "bg-indigo-50 text-indigo-700 ring-indigo-200",
};

export function Badge({ tone = "slate", children, title }: { tone?: keyof typeof tones; children: ReactNode; title?: string }) {
  return (
    <span title={title} className={`inline-flex items-center whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${tones[tone]}`}>
      {children}
    </span>
  );
}

const STATE_TONES: Record<string, keyof typeof tones> = {
  pending_submit: "slate",
  unknown: "amber",
  failed: "red",
  pending: "indigo",
  in_progress: "indigo",
  completed: "green",
  partial: "amber",
  canceled: "slate",
};

export function OrderStateBadge({ state }: { state: string }) {
  return <Badge tone={STATE_TONES[state] ?? "slate"}>{state.replace("_", " ")}</Badge>;
}

export function EnabledBadge({ enabled }: { enabled: boolean }) {
  return <Badge tone={enabled ? "green" : "slate"}>{enabled ? "enabled" : "disabled"}</Badge>;
}
