// How much one customer may write: open tickets at a time (counted in the database under a
// per-customer lock, see open-ticket.ts) and messages per hour (the shared limiter of
// lib/rate-limit, so every app process counts together).
import { processLimiterStore } from "@/lib/rate-limit/store";
import { createRequestLimit, tooManyMessage, type RequestLimit } from "@/lib/rate-limit/policies";

export const MAX_OPEN_TICKETS = 5;
export const TICKET_MESSAGES_PER_HOUR = 30;

const cache = globalThis as unknown as { __ticketMessageLimit?: Promise<RequestLimit> };

function messageLimit(): Promise<RequestLimit> {
  cache.__ticketMessageLimit ??= processLimiterStore().then(
    (store) => createRequestLimit(store, { name: "tickets:messages", points: TICKET_MESSAGES_PER_HOUR, duration: 3600 }),
    (error) => {
      cache.__ticketMessageLimit = undefined;
      throw error;
    },
  );
  return cache.__ticketMessageLimit;
}

/** Counts one message of this customer: null when allowed, else the message to show. */
export async function ticketMessageRefusal(customerId: number): Promise<string | null> {
  const taken = await (await messageLimit()).take(`user:${customerId}`);
  return taken.allowed ? null : tooManyMessage(taken.retryAfterSeconds, "messages");
}
