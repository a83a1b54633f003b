"use client";
import { useActionState } from "react";
import { creditFundsAction } from "@/components/admin/actions/credit-funds-action";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { initialActionState } from "@/lib/actions/action-state";

export function CreditFundsForm({ customerId, currency }: { customerId: number; currency: string }) {
  const [state, action] = useActionState(creditFundsAction, initialActionState);
  const fe = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate className="space-y-3" data-testid="credit-funds-form">
      <input type="hidden" name="customerId" value={customerId} />
      <FormMessage error={state.error && !fe.amount && !fe.reason ? state.error : undefined} message={state.message} />
      <TextField
        label={`Amount (${currency})`}
        name="amount"
        inputMode="decimal"
        autoComplete="off"
        placeholder="25.00"
        defaultValue={state.values?.amount}
        error={fe.amount}
        hint="Up to 6 decimals."
      />
      <TextField
        label="Reason"
        name="reason"
        autoComplete="off"
        placeholder="e.g. bank transfer ref. 1234"
        defaultValue={state.values?.reason}
        error={fe.reason}
        hint="Shown in the ledger."
      />
      <SubmitButton pendingText="Adding…">Add funds</SubmitButton>
    </form>
  );
}
