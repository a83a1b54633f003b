"use client";
import { useActionState } from "react";
import { resolveOrderAction } from "@/components/admin/actions/resolve-order-action";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/card";
import { initialActionState } from "@/lib/actions/action-state";

/**
 * Settles an order whose `add` answer was lost, after an admin looked it up in the provider's
 * own panel. Two forms: "placed as #id" (the worker then follows it) or "failed" (refunded once).
 */
export function ResolveOrderForm({ orderId }: { orderId: number }) {
  const [placed, placedAction] = useActionState(resolveOrderAction, initialActionState);
  const [failed, failedAction] = useActionState(resolveOrderAction, initialActionState);
  const fieldError = placed.fieldErrors?.upstreamId;
  const fieldId = `upstream-id-${orderId}`;
  return (
    <div className="space-y-2" data-testid={`resolve-${orderId}`}>
      <div className="flex flex-wrap items-start gap-3">
        <form action={placedAction} noValidate className="flex items-start gap-2">
          <input type="hidden" name="orderId" value={orderId} />
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
          <SubmitButton variant="secondary" className="whitespace-nowrap px-3 py-1.5 text-xs" pendingText="Saving…">
            Placed upstream
          </SubmitButton>
        </form>
        <form action={failedAction}>
          <input type="hidden" name="orderId" value={orderId} />
          <input type="hidden" name="outcome" value="failed" />
          <SubmitButton variant="danger" className="whitespace-nowrap px-3 py-1.5 text-xs" pendingText="Refunding…">
            Not placed: fail and refund
          </SubmitButton>
        </form>
      </div>
      <FormMessage error={fieldError ? undefined : (placed.error ?? failed.error)} message={placed.message ?? failed.message} />
    </div>
  );
}
