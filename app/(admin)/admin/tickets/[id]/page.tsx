import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { staffCloseAction, staffReplyAction } from "@/components/tickets/actions/reply-ticket-action";
import { Conversation, TicketSummary } from "@/components/tickets/conversation";
import { CloseTicketForm, ReplyForm } from "@/components/tickets/reply-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requireStaff } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getStaffTicket } from "@/lib/tickets/queries";

export const metadata: Metadata = { title: "Ticket — Reseller Panel" };

export default async function StaffTicketPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireStaff();
  const { id } = await params;
  const ticket = /^\d{1,9}$/.test(id) ? await getStaffTicket(await getDb(), user, Number(id)) : null;
  if (!ticket) notFound();
  return (
    <>
      <PageHeader title={`#${ticket.id} ${ticket.subject}`} actions={<Link href="/admin/tickets" className="text-sm text-indigo-700 hover:underline">← All tickets</Link>} />
      <div className="grid items-start gap-6 lg:grid-cols-[1fr_18rem]">
        <div className="min-w-0 space-y-6">
          <Conversation ticket={ticket} />
          <Card title="Answer">
            <ReplyForm ticketId={ticket.id} action={staffReplyAction} staff />
          </Card>
        </div>
        <Card title="Ticket">
          <TicketSummary ticket={ticket} staff />
          {ticket.state !== "closed" ? (
            <div className="mt-4">
              <CloseTicketForm ticketId={ticket.id} action={staffCloseAction} />
            </div>
          ) : null}
        </Card>
      </div>
    </>
  );
}
