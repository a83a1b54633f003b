"use server";
import { revalidatePath } from "next/cache";
import { refusalState, staffAction, userAction } from "@/lib/actions/action-client";
import { getDb } from "@/lib/db/client";
import { closeAsCustomer, closeAsStaff, replyAsCustomer, replyAsStaff } from "@/lib/tickets/reply";
import { ZTicketIdInput, ZTicketReplyInput } from "@/lib/tickets/schemas";

export const customerReplyAction = userAction(ZTicketReplyInput, async (input, user) => {
  const result = await replyAsCustomer(await getDb(), user.id, input.ticketId, input.message);
  if (!result.ok) return refusalState(result);
  revalidatePath(`/tickets/${input.ticketId}`);
  return { ok: true, message: "Reply sent." };
});

export const customerCloseAction = userAction(ZTicketIdInput, async (input, user) => {
  const result = await closeAsCustomer(await getDb(), user.id, input.ticketId);
  if (!result.ok) return refusalState(result);
  revalidatePath(`/tickets/${input.ticketId}`);
  return { ok: true, message: "Ticket closed. Reply to open it again." };
});

export const staffReplyAction = staffAction(ZTicketReplyInput, async (input, user) => {
  const result = await replyAsStaff(await getDb(), user, input.ticketId, input.message, input.close);
  if (!result.ok) return refusalState(result);
  revalidatePath(`/admin/tickets/${input.ticketId}`);
  return { ok: true, message: input.close ? "Answer sent and ticket closed." : "Answer sent." };
});

export const staffCloseAction = staffAction(ZTicketIdInput, async (input, user) => {
  const result = await closeAsStaff(await getDb(), user, input.ticketId);
  if (!result.ok) return refusalState(result);
  revalidatePath(`/admin/tickets/${input.ticketId}`);
  return { ok: true, message: "Ticket closed." };
});
