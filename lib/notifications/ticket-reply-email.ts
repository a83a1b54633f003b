// A staff reply to a ticket becomes an email to its customer (unless they turned ticket replies
// off), queued in the reply's own transaction: the email exists exactly when the reply does, and
// the dedupe key (one per message) keeps it single.
import type { Tx } from "@/lib/ledger/transaction";
import { enqueueMail, panelLink } from "@/lib/mail/outbox";

const EXCERPT = 600;

export async function queueTicketReplyEmail(tx: Tx, ticketId: number, messageId: number): Promise<void> {
  const ticket = await tx.ticket.findUniqueOrThrow({
    where: { id: ticketId },
    select: { subject: true, user: { select: { email: true, notificationPrefs: { select: { ticketReplies: true } } } } },
  });
  if (!(ticket.user.notificationPrefs?.ticketReplies ?? true)) return;
  const message = await tx.ticketMessage.findUniqueOrThrow({ where: { id: messageId }, select: { body: true } });
  const excerpt = message.body.length > EXCERPT ? `${message.body.slice(0, EXCERPT)}…` : message.body;
  await enqueueMail(tx, {
    to: ticket.user.email,
    template: "ticket-reply",
    data: { ticketId, subject: ticket.subject, excerpt, url: panelLink(`/tickets/${ticketId}`) },
    dedupeKey: `ticket-reply:${messageId}`,
  });
}
