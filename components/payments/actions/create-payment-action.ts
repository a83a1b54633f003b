"use server";
import { refusalState, userAction } from "@/lib/actions/action-client";
import { getDb } from "@/lib/db/client";
import { createPayment } from "@/lib/payments/create-payment";
import { paymentPagePath } from "@/lib/payments/public-url";
import { ZCreatePaymentInput } from "@/lib/payments/schemas";

export const createPaymentAction = userAction(ZCreatePaymentInput, async (input, user) => {
  const result = await createPayment(await getDb(), user, input);
  if (!result.ok) return refusalState(result);
  // The browser goes on to the gateway's page, or to the payment's own page (manual methods).
  return { ok: true, message: "Payment created.", data: { next: result.redirectUrl ?? paymentPagePath(result.paymentId) } };
});
