"use client";
// An admin's decision on one payment in the queue: approve (credits once) or reject, with a reason;
// for a flagged payment, what to credit; for a note on a credited payment, mark it reviewed; for a
// chargeback the balance did not cover, take it back now (or mark it reviewed and leave it).
import { reviewPaymentAction } from "@/components/payments/actions/review-payment-action";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { useKeptFormAction } from "@/components/ui/use-kept-form-action";

type Mode = "decide" | "flagged" | "note" | "chargeback";

/** `owed`: the chargeback to take back, as shown; `reviewed`: its flag was already marked reviewed. */
export function ReviewPaymentForm(props: { paymentId: number; mode: Mode; suggestedAmount: string; owed?: string; reviewed?: boolean }) {
  const { paymentId, mode, suggestedAmount, owed, reviewed = false } = props;
  const { state, formAction: action, onSubmit, pending } = useKeptFormAction(reviewPaymentAction, {}, { idempotent: true });
  const fe = state.fieldErrors ?? {};
  const id = (name: string) => `${name}-${paymentId}`;
  return (
    <form action={action} onSubmit={onSubmit} noValidate className="space-y-2" data-testid={`review-form-${paymentId}`}>
      <input type="hidden" name="paymentId" value={paymentId} />
      <input type="hidden" name="idempotencyKey" />
      <FormMessage error={state.error && !fe.reason && !fe.amount ? state.error : undefined} message={state.message} />
      <TextField autoComplete="off" id={id("reason")} label="Reason" name="reason" defaultValue={state.values?.reason} error={fe.reason} placeholder={mode === "chargeback" ? "e.g. the customer paid in again" : "e.g. seen on the statement of 1 Dec"} />
      {mode === "flagged" ? (
        <TextField autoComplete="off" id={id("amount")} label="Amount to credit (what arrived)" name="amount" defaultValue={state.values?.amount ?? suggestedAmount} error={fe.amount} />
      ) : null}
      <div className="flex flex-wrap gap-2">
        {mode === "chargeback" ? <SubmitButton pending={pending} name="decision" value="collect" variant="danger">Take back {owed} now</SubmitButton> : null}
        {mode === "note" || (mode === "chargeback" && !reviewed) ? <SubmitButton pending={pending} name="decision" value="dismiss" variant="secondary">Mark reviewed</SubmitButton> : null}
        {mode === "decide" || mode === "flagged" ? (
          <>
            <SubmitButton pending={pending} name="decision" value="approve">Approve and credit</SubmitButton>
            <SubmitButton pending={pending} name="decision" value="reject" variant="danger">Reject</SubmitButton>
          </>
        ) : null}
      </div>
    </form>
  );
}

