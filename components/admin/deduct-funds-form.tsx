"use client";
import { useActionState } from "react";
import { deductFundsAction } from "@/components/admin/actions/deduct-funds-action";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { initialActionState } from "@/lib/actions/action-state";

/** Takes funds from a customer's balance with a reason; never more than the balance. */
export function DeductFundsForm({ customerId, currency, balance }: { customerId: number; currency: string; balance: string }) {
  const [state, action] = useActionState(deductFundsAction, initialActionState);
  const fe = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate className="space-y-3" data-testid="deduct-funds-form">
      <input type="hidden" name="customerId" value={customerId} />
      <FormMessage error={state.error && !fe.amount && !fe.reason ? state.error : undefined} message={state.message} />
      <TextField
        label={`Amount to deduct (${currency})`}
        name="deductAmount"
        inputMode="decimal"
        autoComplete="off"
        placeholder="5.00"
        defaultValue={state.values?.deductAmount}
        error={fe.amount}
        hint={`At most the balance, ${balance}.`}
      />
      <TextField
        label="Reason for the deduction"
        name="deductReason"
        autoComplete="off"
        placeholder="e.g. top-up sent twice"
        defaultValue={state.values?.deductReason}
        error={fe.reason}
        hint="Shown in the ledger and the audit log."
      />
      <SubmitButton variant="danger" pendingText="Deducting…">
        Deduct funds
      </SubmitButton>
    </form>
  );
}
