// A page of tickets as a list of rows that read as cards on a phone, with a "Next page" link
// (keyset pages: the link carries where the next page starts).
import Link from "next/link";
import { EmptyState } from "@/components/ui/card";
import { TicketStateBadge } from "./ticket-state-badge";
import { Time } from "@/components/ui/time";
import type { TicketPage } from "@/lib/tickets/queries";
import { TICKET_KIND_LABELS } from "@/lib/tickets/schemas";

export function TicketList({ page, hrefOf, nextHref, staff = false }: { page: TicketPage; hrefOf: (id: number) => string; nextHref: string | null; staff?: boolean }) {
  if (page.tickets.length === 0) return <EmptyState>No tickets here.</EmptyState>;
  return (
    <div className="space-y-3">
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="ticket-list">
        {page.tickets.map((t) => (
          <li key={t.id}>
            <Link href={hrefOf(t.id)} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 hover:bg-slate-50">
              <span className="min-w-0">
                <span className="block break-words font-medium text-slate-900">
                  #{t.id} {t.subject}
                  {!staff && t.unreadByCustomer ? <span className="ml-2 rounded bg-indigo-600 px-1.5 py-0.5 text-xs font-semibold text-white">New answer</span> : null}
                </span>
                <span className="block text-xs text-slate-600">
                  {TICKET_KIND_LABELS[t.kind]}
                  {t.customerEmail ? <> · <span className="break-all">{t.customerEmail}</span></> : null} · <Time value={t.lastMessageAt} relative />
                </span>
              </span>
              <TicketStateBadge state={t.state} staff={staff} />
            </Link>
          </li>
        ))}
      </ul>
      {nextHref ? (
        <Link href={nextHref} className="inline-block text-sm font-medium text-indigo-700 underline">
          Older tickets
        </Link>
      ) : null}
    </div>
  );
}
