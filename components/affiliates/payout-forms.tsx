"use client";
// The affiliate's two ways to take commission: all of it into the balance (confirmed first), or a
// withdrawal request above the minimum that staff pay out. Each submission carries its own request
// key, so a double submit is one payout.
import { payoutToBalanceAction } from "@/components/affiliates/actions/payout-to-balance-action";
import { requestWithdrawalAction } from "@/components/affiliates/actions/request-withdrawal-action";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/card";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { TextField } from "@/components/ui/field";
import { useKeptFormAction } from "@/components/ui/use-kept-form-action";

export function PayoutToBalanceForm({ available, availableText }: { available: boolean; availableText: string }) {
  const { state, formAction, onSubmit, pending, formRef } = useKeptFormAction(payoutToBalanceAction, {}, { idempotent: true });
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="space-y-2" data-testid="payout-to-balance">
      <input type="hidden" name="idempotencyKey" />
      <FormMessage error={state.error} message={state.message} />
      <p className="text-sm text-slate-600">Moves your whole commission balance into your main balance at once, to spend on orders.</p>
      {available ? (
        <ConfirmSubmit
          formRef={formRef}
          label="Move to my balance"
          title="Move commission to your balance?"
          describe={() => `${availableText} of commission moves into your main balance. This cannot be undone.`}
          confirmLabel="Move it"
          pending={pending}
        />
      ) : (
        <p className="text-sm text-slate-500">Nothing to move yet.</p>
      )}
    </form>
  );
}

export function WithdrawalForm({ minimumText }: { minimumText: string }) {
  const { state, formAction, onSubmit, pending } = useKeptFormAction(requestWithdrawalAction, {}, { idempotent: true, clearOnSuccess: true });
  const fe = state.fieldErrors ?? {};
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-3" data-testid="withdrawal-form">
      <input type="hidden" name="idempotencyKey" />
      <FormMessage error={state.error && !fe.amount && !fe.details ? state.error : undefined} message={state.message} />
      <TextField label="Amount" name="amount" inputMode="decimal" autoComplete="off" defaultValue={state.values?.amount} error={fe.amount} hint={`At least ${minimumText}.`} />
      <TextField label="Send it to" name="details" autoComplete="off" defaultValue={state.values?.details} error={fe.details} placeholder="e.g. PayPal you@example.com" />
      <SubmitButton pending={pending} variant="secondary">Request withdrawal</SubmitButton>
    </form>
  );
}
