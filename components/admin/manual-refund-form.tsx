"use client";
// The admin's manual refund of one finished order, folded away in its table row until opened.
import { useActionState } from "react";
import { refundOrderAction } from "@/components/admin/actions/refund-order-action";
import { SubmitButton } from "@/components/ui/button";
import { initialActionState } from "@/lib/actions/action-state";

const input = "block w-full rounded-md border border-slate-300 px-2 py-1 text-sm aria-[invalid]:border-red-400";

export function ManualRefundForm({ orderId, left }: { orderId: number; left: string }) {
  const [state, action] = useActionState(refundOrderAction, initialActionState);
  const fe = state.fieldErrors ?? {};
  if (state.ok) return <p role="status" className="text-xs text-green-700">{state.message}</p>;
  const id = (field: string) => `refund-${field}-${orderId}`;
  return (
    <details className="text-xs" open={Boolean(state.error || state.fieldErrors)}>
      <summary className="cursor-pointer text-indigo-700 hover:underline">Refund…</summary>
      <form action={action} noValidate className="mt-2 w-44 space-y-2" data-testid={`refund-form-${orderId}`}>
        <input type="hidden" name="orderId" value={orderId} />
        {state.error && !fe.amount && !fe.reason ? <p role="alert" className="text-red-700">{state.error}</p> : null}
        <div>
          <label htmlFor={id("amount")} className="font-medium text-slate-700">Amount (at most {left})</label>
          <input id={id("amount")} name="amount" inputMode="decimal" defaultValue={state.values?.amount ?? left} aria-invalid={fe.amount ? true : undefined} aria-describedby={fe.amount ? `${id("amount")}-error` : undefined} className={input} />
          {fe.amount ? <p id={`${id("amount")}-error`} role="alert" className="text-red-700">{fe.amount}</p> : null}
        </div>
        <div>
          <label htmlFor={id("reason")} className="font-medium text-slate-700">Reason</label>
          <input id={id("reason")} name="reason" defaultValue={state.values?.reason} aria-invalid={fe.reason ? true : undefined} aria-describedby={fe.reason ? `${id("reason")}-error` : undefined} className={input} />
          {fe.reason ? <p id={`${id("reason")}-error`} role="alert" className="text-red-700">{fe.reason}</p> : null}
        </div>
        <SubmitButton variant="danger" className="px-3 py-1 text-xs" pendingText="Refunding…">
          Refund to balance
        </SubmitButton>
      </form>
    </details>
  );
}
