"use client";
// The admin's manual refund of one finished order, folded away in its table row until opened.
// Ids carry the order's id: many of these forms share the orders page.
import { refundOrderAction } from "@/components/admin/actions/refund-order-action";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useKeptFormAction } from "@/components/ui/use-kept-form-action";

export function ManualRefundForm({ orderId, left }: { orderId: number; left: string }) {
  const { state, formAction, pending, onSubmit } = useKeptFormAction(refundOrderAction);
  const fe = state.fieldErrors ?? {};
  if (state.ok) return <p role="status" className="text-xs text-green-700">{state.message}</p>;
  return (
    <details className="text-xs" open={Boolean(state.error || state.fieldErrors)}>
      <summary className="cursor-pointer text-indigo-700 hover:underline">Refund…</summary>
      <form action={formAction} onSubmit={onSubmit} noValidate className="mt-2 w-44 space-y-2" data-testid={`refund-form-${orderId}`}>
        <input type="hidden" name="orderId" value={orderId} />
        {state.error && !fe.amount && !fe.reason ? <p role="alert" className="text-red-700">{state.error}</p> : null}
        <TextField compact id={`refund-amount-${orderId}`} label={`Amount (at most ${left})`} name="amount" inputMode="decimal" defaultValue={state.values?.amount ?? left} error={fe.amount} />
        <TextField compact id={`refund-reason-${orderId}`} label="Reason" name="reason" defaultValue={state.values?.reason} error={fe.reason} />
        <SubmitButton variant="danger" className="px-3 py-1 text-xs" pending={pending} pendingText="Refunding…">
          Refund to balance
        </SubmitButton>
      </form>
    </details>
  );
}
