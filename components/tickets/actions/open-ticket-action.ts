"use server";
import { revalidatePath } from "next/cache";
import { refusalState, userAction } from "@/lib/actions/action-client";
import { getDb } from "@/lib/db/client";
import { openTicket } from "@/lib/tickets/open-ticket";
import { ZOpenTicketInput } from "@/lib/tickets/schemas";

export const openTicketAction = userAction(ZOpenTicketInput, async (input, user) => {
  const result = await openTicket(await getDb(), user.id, input);
  if (!result.ok) return refusalState(result);
  revalidatePath("/tickets");
  return { ok: true, message: "Ticket opened.", data: { ticketId: result.ticketId } };
});
