"use client";
// Adding and deducting funds are one form with two wordings: an amount and a reason, sent to the
// action given, the values kept after a refusal with each error beside its field, emptied after
// success. The deduct form's fields have their own names (deductAmount …) so that both forms can
// share the customer's page with unique ids; the ledger's errors name `amount` and `reason` for both.
import { creditFundsAction } from "@/components/users/actions/credit-funds-action";
import { deductFundsAction } from "@/components/users/actions/deduct-funds-action";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { FormMessage } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { useKeptFormAction } from "@/components/ui/use-kept-form-action";
import type { ActionState } from "@/lib/actions/action-state";

type FieldWords = { name: string; label: string; placeholder: string; hint: string };

type FundsFormWords = {
  testId: string;
  amount: FieldWords;
  reason: FieldWords;
  submit: { label: string; pending: string; variant: "primary" | "danger" };
  /** The confirmation's title and what it says, from the typed amount. */
  confirm: { title: string; describe: (amount: string) => string; label: string };
};

function FundsForm({ action, customerId, words }: { action: (prev: ActionState, form: FormData) => Promise<ActionState>; customerId: number; words: FundsFormWords }) {
  const { state, formAction, pending, onSubmit, formRef } = useKeptFormAction(action, {}, { clearOnSuccess: true, idempotent: true });
  const fe = state.fieldErrors ?? {};
  const field = (words: FieldWords, error: string | undefined, extra: { inputMode?: "decimal" }) => (
    <TextField label={words.label} name={words.name} autoComplete="off" placeholder={words.placeholder} defaultValue={state.values?.[words.name]} error={error} hint={words.hint} {...extra} />
  );
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="space-y-3" data-testid={words.testId}>
      <input type="hidden" name="customerId" value={customerId} />
      <input type="hidden" name="idempotencyKey" />
      <FormMessage error={state.error && !fe.amount && !fe.reason ? state.error : undefined} message={state.message} />
      {field(words.amount, fe.amount, { inputMode: "decimal" })}
      {field(words.reason, fe.reason, {})}
      <ConfirmSubmit
        formRef={formRef}
        label={words.submit.label}
        variant={words.submit.variant}
        pending={pending}
        pendingText={words.submit.pending}
        title={words.confirm.title}
        describe={(form) => words.confirm.describe(String(form.get(words.amount.name) ?? "").trim())}
        confirmLabel={words.confirm.label}
      />
    </form>
  );
}

export function CreditFundsForm({ customerId, customerEmail, currency }: { customerId: number; customerEmail: string; currency: string }) {
  return (
    <FundsForm
      action={creditFundsAction}
      customerId={customerId}
      words={{
        testId: "credit-funds-form",
        amount: { name: "amount", label: `Amount (${currency})`, placeholder: "25.00", hint: "Up to 6 decimals." },
        reason: { name: "reason", label: "Reason", placeholder: "e.g. bank transfer ref. 1234", hint: "Shown in the ledger." },
        submit: { label: "Add funds", pending: "Adding…", variant: "primary" },
        confirm: { title: "Add funds?", describe: (amount) => `Add ${amount || "(no amount yet)"} ${currency} to ${customerEmail}'s balance. It is written to the ledger and the audit log.`, label: "Yes, add funds" },
      }}
    />
  );
}

/** Takes funds from a customer's balance with a reason; never more than the balance. */
export function DeductFundsForm({ customerId, customerEmail, currency, balance }: { customerId: number; customerEmail: string; currency: string; balance: string }) {
  return (
    <FundsForm
      action={deductFundsAction}
      customerId={customerId}
      words={{
        testId: "deduct-funds-form",
        amount: { name: "deductAmount", label: `Amount to deduct (${currency})`, placeholder: "5.00", hint: `At most the balance, ${balance}.` },
        reason: { name: "deductReason", label: "Reason for the deduction", placeholder: "e.g. top-up sent twice", hint: "Shown in the ledger and the audit log." },
        submit: { label: "Deduct funds", pending: "Deducting…", variant: "danger" },
        confirm: { title: "Deduct funds?", describe: (amount) => `Take ${amount || "(no amount yet)"} ${currency} from ${customerEmail}'s balance.`, label: "Yes, deduct" },
      }}
    />
  );
}
