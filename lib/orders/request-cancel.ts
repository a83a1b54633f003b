// A customer asks for a cancel. Asking moves no money: the refund comes only when the upstream
// reports Canceled, through settleOrderStatus, so a cancel that the upstream ignores costs nothing.
import type { Db } from "@/lib/db/connection";
import { fail, type Failure } from "@/lib/result";
import { recordOrderEvent } from "./order-events";
import { upstreamClientFor } from "@/lib/providers/provider-client";
import { CANCELLABLE_STATES } from "./state-machine";

export type RequestCancelResult = { ok: true } | Failure;

const ALREADY_REQUESTED = "A cancel was already requested for this order.";

export async function requestCancel(db: Db, customerId: number, orderId: number): Promise<RequestCancelResult> {
  const order = await db.order.findFirst({
    where: { id: orderId, userId: customerId },
    select: {
      state: true,
      upstreamOrderId: true,
      cancelRequestedAt: true,
      service: { select: { cancel: true } },
      provider: { select: { apiUrl: true, apiKeyEncrypted: true, timeoutMs: true } },
    },
  });
  if (!order) return fail("not_found", "Order not found.");
  if (!order.service?.cancel) return fail("cancel_not_offered", "This service does not allow cancelling.");
  if (!CANCELLABLE_STATES.includes(order.state) || !order.upstreamOrderId) {
    return fail("not_cancellable", "This order can no longer be cancelled.");
  }
  if (order.cancelRequestedAt) return fail("cancel_already_requested", ALREADY_REQUESTED);

  // Claimed before sending so that a double click asks the upstream once.
  const now = new Date();
  const claimed = await db.order.updateMany({
    where: { id: orderId, userId: customerId, cancelRequestedAt: null, state: { in: CANCELLABLE_STATES } },
    data: { cancelRequestedAt: now },
  });
  if (claimed.count === 0) return fail("cancel_already_requested", ALREADY_REQUESTED);

  let answer;
  try {
    answer = await upstreamClientFor(order.provider).cancel([order.upstreamOrderId]);
  } catch (error) {
    answer = { ok: false as const, kind: "definite" as const, message: (error as Error).message };
  }
  const item = answer.ok ? answer.value.find((i) => i.order === order.upstreamOrderId) : undefined;
  if (item && "ok" in item) {
    // Poll soon: the Canceled status (and its refund) usually follows quickly.
    await db.order.updateMany({ where: { id: orderId }, data: { nextSyncAt: now } });
    await recordOrderEvent(db, orderId, "cancel-requested", "cancel accepted by the upstream; refund follows when it reports Canceled");
    return { ok: true };
  }
  const failure = answer.ok ? (item && "error" in item ? item : { error: "no answer for this order", kind: "indeterminate" as const }) : { error: answer.message, kind: answer.kind };
  if (failure.kind === "definite") {
    // Refused: nothing was requested, so the customer may ask again later.
    await db.order.updateMany({ where: { id: orderId, cancelRequestedAt: now }, data: { cancelRequestedAt: null } });
    await recordOrderEvent(db, orderId, "cancel-requested", `cancel refused upstream: ${failure.error}`);
    return fail("cancel_refused", "The provider refused to cancel this order.");
  }
  await recordOrderEvent(db, orderId, "cancel-requested", `cancel may or may not have reached the upstream: ${failure.error}`);
  return fail("cancel_unconfirmed", "The cancel request could not be confirmed; the order status will show whether it was cancelled.");
}
