// What placing an order answers, for both services and products.
import type { Db } from "@/lib/db/connection";
import { fail, type Failure } from "@/lib/result";
import type { OpenChargedResult } from "@/lib/ledger/open-charged-order";
import { CUSTOMER_ORDER_SELECT, toCustomerOrder, type CustomerOrder, type CustomerOrderRow } from "./customer-order";
import { awaitPlacementSettled } from "./await-placement";
import { readPlacementStart } from "./placement-reads";
import type { SubmitOutcome } from "./submit-order";

export type PlaceOrderResult = { ok: true; order: CustomerOrder; duplicate: boolean } | Failure;

export const PLACEMENT_FAILED_MESSAGE = "The order could not be placed and your balance was refunded. Please try again later.";

/** What an earlier placement answers when asked again (an idempotent retry, or an outcome other than "placed"). */
export async function resultOfPlacement(db: Db, customerId: number, orderId: number, duplicate: boolean): Promise<PlaceOrderResult> {
  // A copy of a request whose first copy is still sending waits for its answer (await-placement.ts).
  if (duplicate) await awaitPlacementSettled(db, orderId);
  const row = await db.order.findFirstOrThrow({ where: { id: orderId, userId: customerId }, select: CUSTOMER_ORDER_SELECT });
  // A refused order was refunded in full; to the customer that is simply "not placed" (its row
  // and refund stay in the history). A retry with the same idempotency key gets the same answer
  // as the first request did, never the refused order as if it had been placed.
  if (row.state === "failed") return fail("placement_failed", PLACEMENT_FAILED_MESSAGE, { data: { orderId } });
  return { ok: true, order: toCustomerOrder(row), duplicate };
}

/** What the placement functions are told by their caller (see placeOrder). */
export type PlacementChecks = { activeCustomer?: boolean };

/**
 * Before validating: a retry's answer (its earlier order, even if the catalog or the account
 * changed since), or a refusal (no account, suspended, key reused); null means go on. Without an
 * idempotency key and with the customer just read as active by the caller, nothing is read.
 */
export async function answerBeforePlacing(
  db: Db,
  customerId: number,
  idempotencyKey: string | undefined,
  requestHash: string,
  checks: PlacementChecks,
): Promise<PlaceOrderResult | null> {
  if (!idempotencyKey && checks.activeCustomer) return null;
  const start = await readPlacementStart(db, customerId, idempotencyKey, requestHash);
  if ("ok" in start) return start;
  return start.earlierOrderId === null ? null : resultOfPlacement(db, customerId, start.earlierOrderId, true);
}

/** The one-statement charge did not happen: not enough funds, or the same key won concurrently. */
export async function answerUnopened(
  db: Db,
  customerId: number,
  idempotencyKey: string | undefined,
  requestHash: string,
  reason: Extract<OpenChargedResult, { ok: false }>["reason"],
): Promise<PlaceOrderResult> {
  if (reason === "not_enough_funds") {
    // A concurrent copy with the same key may hold the charge: its answer is ours.
    const earlier = idempotencyKey ? await answerBeforePlacing(db, customerId, idempotencyKey, requestHash, {}) : null;
    return earlier ?? fail("not_enough_funds", "Not enough funds on balance");
  }
  const answer = await answerBeforePlacing(db, customerId, idempotencyKey, requestHash, {});
  if (!answer) throw new Error("idempotency key taken but no order found for it");
  return answer;
}

/**
 * After `add`: a refusal (refunded), the row as it was just written when placed (nothing is read
 * back), or, for a lost answer or a race, the order read once.
 */
export async function answerAfterSending(
  db: Db,
  customerId: number,
  orderId: number,
  outcome: SubmitOutcome,
  placedRow: () => CustomerOrderRow,
): Promise<PlaceOrderResult> {
  if (outcome === "failed") return fail("placement_failed", PLACEMENT_FAILED_MESSAGE, { data: { orderId } });
  if (outcome !== "placed") return resultOfPlacement(db, customerId, orderId, false);
  return { ok: true, duplicate: false, order: toCustomerOrder(placedRow()) };
}
