// The outbox for staff: one row per message, stacked so that it reads at phone width too.
import { Badge } from "@/components/ui/badge";
import type { OutboxRow } from "@/lib/mail/outbox-admin";
import { RetryMailButton } from "./retry-mail-button";

const TONE = { pending: "amber", sent: "green", dead: "red" } as const;
const when = (date: Date | null) => (date ? date.toISOString().slice(0, 16).replace("T", " ") : "—");

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
            #{row.id} to {row.to} · {row.template} · written {when(row.createdAt)} UTC · attempts {row.attempts}
            {row.state === "sent" ? ` · sent ${when(row.sentAt)} UTC` : row.state === "pending" ? ` · next try ${when(row.nextAttemptAt)} UTC` : ""}
          </p>
          {row.lastError ? <p className="break-all text-red-700">Last error: {row.lastError}</p> : null}
          {row.state === "dead" && canRetry ? <RetryMailButton id={row.id} /> : null}
        </li>
      ))}
    </ul>
  );
}
