"use client";
import { resolveOrderAction } from "@/components/admin/actions/resolve-order-action";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/card";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { useKeptFormAction } from "@/components/ui/use-kept-form-action";

/**
 * Settles an order whose `add` answer was lost, after an admin looked it up in the provider's
 * own panel. Two forms: "placed as #id" (the worker then follows it) or "failed" (refunded once).
 */
export function ResolveOrderForm({ orderId }: { orderId: number }) {
  const { state: placed, formAction: placedAction, onSubmit: onPlaced, pending: placing } = useKeptFormAction(resolveOrderAction, {}, { idempotent: true });
  const { state: failed, formAction: failedAction, onSubmit: onFailed, pending: failing, formRef: failedRef } = useKeptFormAction(resolveOrderAction, {}, { idempotent: true });
  const fieldError = placed.fieldErrors?.upstreamId;
  const fieldId = `upstream-id-${orderId}`;
  return (
    <div className="space-y-2" data-testid={`resolve-${orderId}`}>
      <div className="flex flex-wrap items-start gap-3">
        <form action={placedAction} onSubmit={onPlaced} noValidate className="flex items-start gap-2">
          <input type="hidden" name="orderId" value={orderId} />
          <input type="hidden" name="idempotencyKey" />
          <input type="hidden" name="outcome" value="placed" />
          <div>
            <label htmlFor={fieldId} className="sr-only">
              Provider&apos;s order id
            </label>
            <input
              id={fieldId}
              name="upstreamId"
              placeholder="Provider's order id"
              defaultValue={placed.values?.upstreamId}
              aria-invalid={fieldError ? true : undefined}
              aria-describedby={fieldError ? `${fieldId}-error` : undefined}
              className={`w-44 rounded-md border px-2 py-1.5 text-sm ${fieldError ? "border-red-400" : "border-slate-300"}`}
            />
            {fieldError ? (
              <p id={`${fieldId}-error`} role="alert" className="mt-1 max-w-56 text-xs text-red-600">
                {fieldError}
              </p>
            ) : null}
          </div>
          <SubmitButton variant="secondary" className="whitespace-nowrap px-3 py-1.5 text-xs" pending={placing} pendingText="Saving…">
            Placed upstream
          </SubmitButton>
        </form>
        <form ref={failedRef} action={failedAction} onSubmit={onFailed}>
          <input type="hidden" name="orderId" value={orderId} />
          <input type="hidden" name="outcome" value="failed" />
          <input type="hidden" name="idempotencyKey" />
          <ConfirmSubmit
            formRef={failedRef}
            label="Not placed: fail and refund"
            variant="danger"
            className="whitespace-nowrap px-3 py-1.5 text-xs"
            pending={failing}
            pendingText="Refunding…"
            title={`Fail and refund order #${orderId}?`}
            describe={() => `Only if the provider's own panel shows no such order: order #${orderId} becomes failed and its whole charge goes back to the customer's balance, once.`}
            confirmLabel="Yes, fail and refund"
          />
        </form>
      </div>
      <FormMessage error={fieldError ? undefined : (placed.error ?? failed.error)} message={placed.message ?? failed.message} />
    </div>
  );
}
