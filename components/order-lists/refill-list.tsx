// Every refill a customer asked for, across orders: which order, its state in words, when asked
// and when last changed. Rows wrap at phone width.
import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { RefillRow } from "@/lib/storefront/order-lists";
import { formatDateTime } from "@/lib/time/format";

const TONES: Record<string, BadgeTone> = {
  pending_submit: "amber",
  unknown: "amber",
  pending: "indigo",
  in_progress: "indigo",
  completed: "green",
  rejected: "red",
  failed: "red",
};

export function RefillList({ rows }: { rows: RefillRow[] }) {
  return (
    <ul className="divide-y divide-slate-100" aria-label="Refills">
      {rows.map((refill) => (
        <li key={refill.id} className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1 py-3" data-testid={`refill-row-${refill.id}`}>
          <div className="min-w-0">
            <p>
              <span className="text-slate-600">Refill {refill.id} of </span>
              <Link href={`/orders/${refill.orderId}`} className="font-medium text-indigo-700 hover:underline">
                order #{refill.orderId}
              </Link>{" "}
              <span className="text-slate-900">{refill.orderName}</span>
            </p>
            {refill.link ? <p className="truncate text-xs text-slate-600" title={refill.link}>{refill.link}</p> : null}
          </div>
          <div className="flex flex-wrap items-center gap-3 text-xs text-slate-600">
            <Badge tone={TONES[refill.state] ?? "slate"} testId="refill-state">{refill.stateLabel}</Badge>
            <span>asked {formatDateTime(refill.requestedAt)}</span>
            {refill.updatedAt !== refill.requestedAt ? <span>updated {formatDateTime(refill.updatedAt)}</span> : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
