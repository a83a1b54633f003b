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

/**
 * `owed`: the chargeback to take back, as shown; `reviewed`: its flag was already marked reviewed;
 * `duplicate`: its transfer reference is on another credited or waiting payment (approving asks
 * the admin to tick that they checked; the server refuses without it).
 */
export function ReviewPaymentForm(props: { paymentId: number; mode: Mode; suggestedAmount: string; owed?: string; reviewed?: boolean; duplicate?: boolean }) {
  const { paymentId, mode, suggestedAmount, owed, reviewed = false, duplicate = false } = props;
  const { state, formAction: action, onSubmit, pending } = useKeptFormAction(reviewPaymentAction, {}, { idempotent: true });
  const fe = state.fieldErrors ?? {};
  const id = (name: string) => `${name}-${paymentId}`;
  return (
    <form action={action} onSubmit={onSubmit} noValidate className="space-y-2" data-testid={`review-form-${paymentId}`}>
      <input type="hidden" name="paymentId" value={paymentId} />
      <input type="hidden" name="idempotencyKey" />
      <FormMessage error={state.error && !fe.reason && !fe.amount && !fe.confirmDuplicate ? state.error : undefined} message={state.message} />
      <TextField autoComplete="off" id={id("reason")} label="Reason" name="reason" defaultValue={state.values?.reason} error={fe.reason} placeholder={mode === "chargeback" ? "e.g. the customer paid in again" : "e.g. seen on the statement of 1 Dec"} />
      {mode === "flagged" ? (
        <TextField autoComplete="off" id={id("amount")} label="Amount to credit (what arrived)" name="amount" defaultValue={state.values?.amount ?? suggestedAmount} error={fe.amount} />
      ) : null}
      {(duplicate || fe.confirmDuplicate) && (mode === "decide" || mode === "flagged") ? (
        <div>
          <label className="flex items-start gap-2 text-sm text-slate-800">
            <input
              type="checkbox"
              name="confirmDuplicate"
              id={id("confirm-duplicate")}
              className="mt-1"
              defaultChecked={state.values?.confirmDuplicate === "on"}
              aria-invalid={fe.confirmDuplicate ? true : undefined}
              aria-describedby={fe.confirmDuplicate ? id("confirm-duplicate-error") : undefined}
            />
            <span>I checked: this is another transfer than the payment with the same reference.</span>
          </label>
          {fe.confirmDuplicate ? (
            <p id={id("confirm-duplicate-error")} role="alert" className="mt-1 text-sm text-red-600">
              {fe.confirmDuplicate}
            </p>
          ) : null}
        </div>
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

