"use client";
// An admin's decision on one payment in the queue: approve (credits once) or reject, with a reason;
// for a flagged payment, what to credit; for a note on a credited payment, mark it reviewed.
import { useActionState } from "react";
import { reviewPaymentAction } from "@/components/payments/actions/review-payment-action";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/card";
import { initialActionState } from "@/lib/actions/action-state";
import { TextField } from "@/components/ui/field";

export function ReviewPaymentForm({ paymentId, mode, suggestedAmount }: { paymentId: number; mode: "decide" | "flagged" | "note"; suggestedAmount: string }) {
  const [state, action] = useActionState(reviewPaymentAction, initialActionState);
  const fe = state.fieldErrors ?? {};
  const id = (name: string) => `${name}-${paymentId}`;
  return (
    <form action={action} noValidate className="space-y-2" data-testid={`review-form-${paymentId}`}>
      <input type="hidden" name="paymentId" value={paymentId} />
      <FormMessage error={state.error && !fe.reason && !fe.amount ? state.error : undefined} message={state.message} />
      <TextField autoComplete="off" id={id("reason")} label="Reason" name="reason" defaultValue={state.values?.reason} error={fe.reason} placeholder="e.g. seen on the statement of 1 Dec" />
      {mode === "flagged" ? (
        <TextField autoComplete="off" id={id("amount")} label="Amount to credit (what arrived)" name="amount" defaultValue={state.values?.amount ?? suggestedAmount} error={fe.amount} />
      ) : null}
      <div className="flex flex-wrap gap-2">
        {mode === "note" ? (
          <SubmitButton name="decision" value="dismiss" variant="secondary">Mark reviewed</SubmitButton>
        ) : (
          <>
            <SubmitButton name="decision" value="approve">Approve and credit</SubmitButton>
            <SubmitButton name="decision" value="reject" variant="danger">Reject</SubmitButton>
          </>
        )}
      </div>
    </form>
  );
}

