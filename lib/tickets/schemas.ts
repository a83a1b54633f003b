// The inputs of tickets, parsed once at the boundary (the form's action) and shared with the form.
import { z } from "zod";

export const TICKET_KINDS = ["order", "payment", "refill", "cancel", "speed_up", "other"] as const;
export type TicketKindName = (typeof TICKET_KINDS)[number];

export const TICKET_KIND_LABELS: Record<TicketKindName, string> = {
  order: "An order",
  payment: "A payment",
  refill: "Refill orders",
  cancel: "Cancel orders",
  speed_up: "Speed up orders",
  other: "Something else",
};

/** Order ids one ticket may name: refill and cancel tickets ask the provider once per id. */
export const MAX_TICKET_ORDERS = 20;
export const MAX_MESSAGE_LENGTH = 5000;

const message = z
  .string()
  .trim()
  .min(1, "Write a message.")
  .max(MAX_MESSAGE_LENGTH, `At most ${MAX_MESSAGE_LENGTH} characters.`);

/** "12, 13 14\n15" → [12, 13, 14, 15]; duplicates removed, order kept. */
const orderIdList = z
  .string()
  .trim()
  .default("")
  .transform((text, ctx) => {
    const parts = text.split(/[\s,;]+/).filter(Boolean);
    const ids: number[] = [];
    for (const part of parts) {
      const id = /^#?\d{1,9}$/.test(part) ? Number(part.replace("#", "")) : Number.NaN;
      if (!Number.isSafeInteger(id) || id < 1) {
        ctx.addIssue({ code: "custom", message: `"${part.slice(0, 20)}" is not an order id.` });
        return z.NEVER;
      }
      if (!ids.includes(id)) ids.push(id);
    }
    if (ids.length > MAX_TICKET_ORDERS) {
      ctx.addIssue({ code: "custom", message: `At most ${MAX_TICKET_ORDERS} orders per ticket.` });
      return z.NEVER;
    }
    return ids;
  });

export const ZOpenTicketInput = z
  .object({
    subject: z.string().trim().min(3, "At least 3 characters.").max(200, "At most 200 characters."),
    kind: z.enum(TICKET_KINDS, { message: "Choose what the ticket is about." }),
    orderIds: orderIdList,
    paymentId: z
      .string()
      .trim()
      .default("")
      .refine((v) => v === "" || /^\d{1,9}$/.test(v), "A payment number.")
      .transform((v) => (v === "" ? null : Number(v))),
    message,
  })
  .superRefine((input, ctx) => {
    if ((input.kind === "refill" || input.kind === "cancel" || input.kind === "speed_up") && input.orderIds.length === 0) {
      ctx.addIssue({ code: "custom", path: ["orderIds"], message: "Name the orders (ids separated by commas or spaces)." });
    }
  });
export type OpenTicketInput = z.output<typeof ZOpenTicketInput>;

export const ZTicketReplyInput = z.object({
  ticketId: z.coerce.number().int().positive(),
  message,
  close: z
    .string()
    .optional()
    .transform((v) => v === "on" || v === "1" || v === "true"),
});
export type TicketReplyInput = z.output<typeof ZTicketReplyInput>;

export const ZTicketIdInput = z.object({ ticketId: z.coerce.number().int().positive() });
