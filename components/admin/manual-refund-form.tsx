"use client";
// The admin's manual refund of one finished order, folded away in its table row until opened.
// Ids carry the order's id: many of these forms share the orders page.
import { refundOrderAction } from "@/components/admin/actions/refund-order-action";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { TextField } from "@/components/ui/field";
import { useKeptFormAction } from "@/components/ui/use-kept-form-action";

export function ManualRefundForm({ orderId, left }: { orderId: number; left: string }) {
  const { state, formAction, pending, onSubmit, formRef } = useKeptFormAction(refundOrderAction, {}, { idempotent: true });
  const fe = state.fieldErrors ?? {};
  if (state.ok) return <p role="status" className="text-xs text-green-700">{state.message}</p>;
  return (
    <details className="text-xs" open={Boolean(state.error || state.fieldErrors)}>
      <summary className="cursor-pointer text-indigo-700 hover:underline">Refund…</summary>
      <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="mt-2 w-44 space-y-2" data-testid={`refund-form-${orderId}`}>
        <input type="hidden" name="orderId" value={orderId} />
        <input type="hidden" name="idempotencyKey" />
        {state.error && !fe.amount && !fe.reason ? <p role="alert" className="text-red-700">{state.error}</p> : null}
        <TextField compact id={`refund-amount-${orderId}`} label={`Amount (at most ${left})`} name="amount" inputMode="decimal" defaultValue={state.values?.amount ?? left} error={fe.amount} />
        <TextField compact id={`refund-reason-${orderId}`} label="Reason" name="reason" defaultValue={state.values?.reason} error={fe.reason} />
        <ConfirmSubmit
          formRef={formRef}
          label="Refund to balance"
          variant="danger"
          className="px-3 py-1 text-xs"
          pending={pending}
          pendingText="Refunding…"
          title={`Refund order #${orderId}?`}
          describe={(form) => `Credit ${String(form.get("amount") ?? "").trim() || "(no amount yet)"} back to the customer's balance for order #${orderId}. An order is refunded by hand once.`}
          confirmLabel="Yes, refund"
        />
      </form>
    </details>
  );
}
