// One ticket: what it is about and its messages, customer on one side, support on the other.
import Link from "next/link";
import { TicketStateBadge } from "./ticket-state-badge";
import { TicketText } from "./ticket-text";
import { Time } from "@/components/ui/time";
import type { TicketView } from "@/lib/tickets/queries";
import { TICKET_KIND_LABELS } from "@/lib/tickets/schemas";

export function TicketSummary({ ticket, staff = false }: { ticket: TicketView; staff?: boolean }) {
  const orderHref = (id: number) => (staff ? `/admin/orders?q=${id}` : `/orders/${id}`);
  return (
    <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
      <dt className="font-medium text-slate-600">State</dt>
      <dd><TicketStateBadge state={ticket.state} staff={staff} /></dd>
      <dt className="font-medium text-slate-600">About</dt>
      <dd>{TICKET_KIND_LABELS[ticket.kind]}</dd>
      {staff ? (
        <>
          <dt className="font-medium text-slate-600">Customer</dt>
          <dd className="break-all">{ticket.customerEmail}</dd>
        </>
      ) : null}
      {ticket.orderIds.length ? (
        <>
          <dt className="font-medium text-slate-600">Orders</dt>
          <dd className="flex flex-wrap gap-2">
            {ticket.orderIds.map((id) => (
              <Link key={id} href={orderHref(id)} className="text-indigo-700 underline">#{id}</Link>
            ))}
          </dd>
        </>
      ) : null}
      {ticket.paymentId ? (
        <>
          <dt className="font-medium text-slate-600">Payment</dt>
          <dd>
            <Link href={staff ? `/admin/payments/${ticket.paymentId}` : `/funds/payments/${ticket.paymentId}`} className="text-indigo-700 underline">#{ticket.paymentId}</Link>
          </dd>
        </>
      ) : null}
      <dt className="font-medium text-slate-600">Opened</dt>
      <dd><Time value={ticket.createdAt} relative /></dd>
    </dl>
  );
}

export function Conversation({ ticket }: { ticket: TicketView }) {
  return (
    <ol className="space-y-3" aria-label="Messages">
      {ticket.messages.map((m) => (
        <li
          key={m.id}
          data-testid="ticket-message"
          className={`rounded-lg border p-4 ${m.fromStaff ? "border-indigo-200 bg-indigo-50 sm:mr-12" : "border-slate-200 bg-white sm:ml-12"}`}
        >
          <div className="mb-1 flex flex-wrap justify-between gap-2 text-xs text-slate-600">
            <span className="font-semibold text-slate-800">{m.author}</span>
            <Time value={m.createdAt} relative />
          </div>
          <TicketText body={m.body} />
        </li>
      ))}
    </ol>
  );
}
