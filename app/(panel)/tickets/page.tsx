import type { Metadata } from "next";
import Link from "next/link";
import { TicketList } from "@/components/tickets/ticket-list";
import { PageHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listCustomerTickets } from "@/lib/tickets/queries";

export const metadata: Metadata = { title: "Support — Reseller Panel" };

export default async function TicketsPage({ searchParams }: { searchParams: Promise<{ after?: string }> }) {
  const user = await requireUser();
  const { after } = await searchParams;
  const page = await listCustomerTickets(await getDb(), user.id, after);
  return (
    <>
      <PageHeader
        title="Support"
        description="Your tickets, newest activity first."
        actions={<Link href="/tickets/new" className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500">New ticket</Link>}
      />
      <TicketList page={page} hrefOf={(id) => `/tickets/${id}`} nextHref={page.nextCursor ? `/tickets?after=${page.nextCursor}` : null} />
    </>
  );
}
