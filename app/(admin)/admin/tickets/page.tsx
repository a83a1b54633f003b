import type { Metadata } from "next";
import Link from "next/link";
import { TicketList } from "@/components/tickets/ticket-list";
import { PageHeader } from "@/components/ui/card";
import { requireStaff } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import type { TicketState } from "@/lib/db/generated/enums";
import { listStaffTickets, TICKET_STATES } from "@/lib/tickets/queries";

export const metadata: Metadata = { title: "Tickets — Reseller Panel" };

const TABS: { state: TicketState | "all"; label: string }[] = [
  { state: "open", label: "Needs answer" },
  { state: "answered", label: "Answered" },
  { state: "closed", label: "Closed" },
  { state: "all", label: "All" },
];

export default async function StaffTicketsPage({ searchParams }: { searchParams: Promise<{ state?: string; after?: string }> }) {
  const user = await requireStaff();
  const params = await searchParams;
  const state = params.state === "all" ? null : (TICKET_STATES.find((s) => s === params.state) ?? "open");
  const page = await listStaffTickets(await getDb(), user, { state, cursor: params.after });
  const tab = state ?? "all";
  return (
    <>
      <PageHeader title="Tickets" description="Customers' questions; refill and cancel requests the panel could not handle itself stay open here." />
      <nav aria-label="Ticket states" className="mb-4 flex flex-wrap gap-2">
        {TABS.map((t) => (
          <Link
            key={t.state}
            href={`/admin/tickets?state=${t.state}`}
            aria-current={tab === t.state ? "page" : undefined}
            className={`rounded-md px-3 py-1.5 text-sm font-medium ${tab === t.state ? "bg-indigo-50 text-indigo-700" : "text-slate-600 hover:bg-slate-100"}`}
          >
            {t.label}
          </Link>
        ))}
      </nav>
      <TicketList
        staff
        page={page}
        hrefOf={(id) => `/admin/tickets/${id}`}
        nextHref={page.nextCursor ? `/admin/tickets?state=${tab}&after=${page.nextCursor}` : null}
      />
    </>
  );
}
