"use server";
import { revalidatePath } from "next/cache";
import { adminMoneyAction, refusalState } from "@/lib/actions/action-client";
import { getDb } from "@/lib/db/client";
import { reviewPayment } from "@/lib/payments/review-payment";
import { ZReviewPaymentInput } from "@/lib/payments/schemas";

const DONE = { approve: "approved and credited", reject: "rejected", dismiss: "reviewed", collect: "chargeback taken back" } as const;

export const reviewPaymentAction = adminMoneyAction("payment.review", ZReviewPaymentInput, async (input, actor) => {
  const result = await reviewPayment(await getDb(), actor, input);
  if (!result.ok) return refusalState(result);
  revalidatePath("/admin/payments", "layout");
  return { ok: true, message: `Payment #${input.paymentId} ${DONE[input.decision]}.` };
});
