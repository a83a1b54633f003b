"use client";
import { resolveOrderAction } from "@/components/admin/actions/resolve-order-action";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/card";
import { useKeptFormAction } from "@/components/ui/use-kept-form-action";

/**
 * One click to accept an upstream order the reconciler found for an unknown order (it fits the
 * charge, but so does another, so a person decides). The same action as typing the id by hand.
 */
export function AcceptCandidateForm({ orderId, upstreamId }: { orderId: number; upstreamId: string }) {
  const { state, formAction, onSubmit, pending } = useKeptFormAction(resolveOrderAction, {}, { idempotent: true });
  return (
    <form action={formAction} onSubmit={onSubmit} className="inline-flex flex-col gap-1" data-testid={`accept-${orderId}-${upstreamId}`}>
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="idempotencyKey" />
      <input type="hidden" name="outcome" value="placed" />
      <input type="hidden" name="upstreamId" value={upstreamId} />
      <SubmitButton variant="secondary" className="whitespace-nowrap px-3 py-1.5 text-xs" pending={pending} pendingText="Saving…">
        Accept {upstreamId}
      </SubmitButton>
      <FormMessage error={state.error ?? state.fieldErrors?.upstreamId} message={state.message} />
    </form>
  );
}
