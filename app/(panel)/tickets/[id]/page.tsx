import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { customerCloseAction, customerReplyAction } from "@/components/tickets/actions/reply-ticket-action";
import { Conversation, TicketSummary } from "@/components/tickets/conversation";
import { RefreshWhenRead } from "@/components/tickets/refresh-when-read";
import { CloseTicketForm, ReplyForm } from "@/components/tickets/reply-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getCustomerTicket } from "@/lib/tickets/queries";

export const metadata: Metadata = { title: "Ticket — Reseller Panel" };

export default async function TicketPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const ticket = /^\d{1,9}$/.test(id) ? await getCustomerTicket(await getDb(), user.id, Number(id)) : null;
  if (!ticket) notFound();
  return (
    <>
      <RefreshWhenRead wasUnread={ticket.wasUnread} />
      <PageHeader title={`#${ticket.id} ${ticket.subject}`} actions={<Link href="/tickets" className="text-sm text-indigo-700 hover:underline">← All tickets</Link>} />
      <div className="grid items-start gap-6 lg:grid-cols-[1fr_18rem]">
        <div className="min-w-0 space-y-6">
          <Conversation ticket={ticket} />
          <Card title="Reply">
            <ReplyForm ticketId={ticket.id} action={customerReplyAction} closed={ticket.state === "closed"} />
          </Card>
        </div>
        <Card title="Ticket">
          <TicketSummary ticket={ticket} />
          {ticket.state !== "closed" ? (
            <div className="mt-4">
              <CloseTicketForm ticketId={ticket.id} action={customerCloseAction} />
            </div>
          ) : null}
        </Card>
      </div>
    </>
  );
}
