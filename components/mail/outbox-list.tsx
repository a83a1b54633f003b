// The outbox for staff: one row per message, stacked so that it reads at phone width too.
import { Badge } from "@/components/ui/badge";
import { Time } from "@/components/ui/time";
import type { OutboxRow } from "@/lib/mail/outbox-admin";
import { RetryMailButton } from "./retry-mail-button";

const TONE = { pending: "amber", sent: "green", dead: "red" } as const;

export function OutboxList({ rows, canRetry }: { rows: OutboxRow[]; canRetry: boolean }) {
  return (
    <ul className="divide-y divide-slate-200" data-testid="outbox">
      {rows.map((row) => (
        <li key={row.id} className="space-y-1 py-3 text-sm">
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone={TONE[row.state]}>{row.state}</Badge>
            <span className="font-medium text-slate-900">{row.subject}</span>
          </div>
          <p className="break-all text-slate-600">
            #{row.id} to {row.to} · {row.template} · written <Time value={row.createdAt} relative /> · attempts {row.attempts}
            {row.state === "sent" ? <> · sent <Time value={row.sentAt} relative /></> : row.state === "pending" ? <> · next try <Time value={row.nextAttemptAt} /></> : null}
          </p>
          {row.lastError ? <p className="break-all text-red-700">Last error: {row.lastError}</p> : null}
          {row.state === "dead" && canRetry ? <RetryMailButton id={row.id} /> : null}
        </li>
      ))}
    </ul>
  );
}
