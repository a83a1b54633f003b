"use client";
import { useActionState } from "react";
import { refreshProviderBalanceAction } from "@/components/providers/actions/refresh-provider-balance-action";
import { SubmitButton } from "@/components/ui/button";
import { initialActionState } from "@/lib/actions/action-state";

/** Reads one provider's balance now; the answer (or why there is none) shows beside the button. */
export function RefreshBalanceButton({ providerId, name }: { providerId: number; name: string }) {
  const [state, action] = useActionState(refreshProviderBalanceAction, initialActionState);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="providerId" value={providerId} />
      <SubmitButton variant="secondary" className="px-3 py-1 text-xs" pendingText="Reading…" aria-label={`Refresh the balance of ${name}`}>
        Refresh
      </SubmitButton>
      {state.error ? (
        <span role="alert" className="text-xs text-red-700">
          {state.error}
        </span>
      ) : state.message ? (
        <span role="status" className="text-xs text-green-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
