"use client";
// "Send again" for a dead message (admins; the action refuses staff).
import { useActionState } from "react";
import { retryMailAction } from "@/components/mail/actions/retry-mail-action";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/card";
import { initialActionState } from "@/lib/actions/action-state";

export function RetryMailButton({ id }: { id: number }) {
  const [state, action] = useActionState(retryMailAction, initialActionState);
  return (
    <form action={action} className="space-y-1">
      <input type="hidden" name="id" value={id} />
      <FormMessage error={state.error} message={state.message} />
      {state.ok ? null : (
        <SubmitButton variant="secondary" pendingText="Queuing…">
          Send again
        </SubmitButton>
      )}
    </form>
  );
}
