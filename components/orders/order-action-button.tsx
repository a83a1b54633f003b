"use client";
import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/card";
import { initialActionState, type ActionState } from "@/lib/actions/action-state";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

export function OrderActionButton({ action, orderId, label, variant = "secondary" }: { action: Action; orderId: number; label: string; variant?: "secondary" | "danger" }) {
  const [state, formAction] = useActionState(action, initialActionState);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="orderId" value={orderId} />
      <SubmitButton variant={variant}>{label}</SubmitButton>
      <FormMessage error={state.error} message={state.message} />
    </form>
  );
}
