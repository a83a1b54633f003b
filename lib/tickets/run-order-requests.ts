// A refill or cancel ticket does what the panel itself can: each named order goes through the
// same requestRefill / requestCancel the order page uses (one road: same cooldowns, same checks,
// same upstream calls), and the panel answers in the ticket with the outcome per order. If every
// order was handled the ticket is answered; otherwise it stays open and staff handle the rest.
import type { Db } from "@/lib/db/connection";
import { requestCancel } from "@/lib/orders/request-cancel";
import { requestRefill } from "@/lib/refills/request-refill";
import { postPanelAnswer } from "./reply";

export type OrderRequestOutcome = { orderId: number; done: boolean; text: string };

/** Several requests at once, but few: each one may wait for the provider. */
const CONCURRENCY = 4;

async function runOne(db: Db, customerId: number, kind: "refill" | "cancel", orderId: number): Promise<OrderRequestOutcome> {
  if (kind === "refill") {
    const result = await requestRefill(db, customerId, orderId);
    if (!result.ok) return { orderId, done: false, text: result.message };
    const text = result.refill.state === "unknown" ? "refill sent; the provider's answer was lost, staff will check it." : "refill requested.";
    return { orderId, done: result.refill.state !== "unknown", text };
  }
  const result = await requestCancel(db, customerId, orderId);
  if (!result.ok) return { orderId, done: false, text: result.message };
  return { orderId, done: true, text: "cancel requested; the refund follows when the provider confirms it." };
}

export async function runOrderRequests(db: Db, customerId: number, kind: "refill" | "cancel", orderIds: number[]): Promise<OrderRequestOutcome[]> {
  const outcomes: OrderRequestOutcome[] = new Array(orderIds.length);
  let next = 0;
  const lane = async () => {
    while (next < orderIds.length) {
      const index = next++;
      const orderId = orderIds[index]!;
      try {
        outcomes[index] = await runOne(db, customerId, kind, orderId);
      } catch (error) {
        console.error("ticket order request failed", error);
        outcomes[index] = { orderId, done: false, text: "could not be handled automatically." };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, orderIds.length) }, lane));
  return outcomes;
}

export function describeOutcomes(kind: "refill" | "cancel", outcomes: OrderRequestOutcome[]): string {
  const lines = outcomes.map((o) => `#${o.orderId}: ${o.done ? "✓" : "✗"} ${o.text}`);
  const rest = outcomes.filter((o) => !o.done).length;
  const tail = rest === 0 ? "Everything was handled; reply here if something is still wrong." : `Staff will look at the ${rest === 1 ? "order" : `${rest} orders`} marked ✗.`;
  return [`Automatic ${kind} request for each order:`, ...lines, "", tail].join("\n");
}

export async function answerOrderRequests(db: Db, customerId: number, ticketId: number, kind: "refill" | "cancel", orderIds: number[]) {
  const outcomes = await runOrderRequests(db, customerId, kind, orderIds);
  await postPanelAnswer(db, ticketId, describeOutcomes(kind, outcomes), outcomes.every((o) => o.done));
  return outcomes;
}
