"use client";
// Choose a method, enter an amount, see the fee, the bonus and what will be credited (the same
// quotePayment the server stores), then pay: off to the gateway, or to the instructions.
import { useActionState, useEffect, useState } from "react";
import { createPaymentAction } from "@/components/payments/actions/create-payment-action";
import { Button } from "@/components/ui/button";
import { useKeptForm } from "@/components/payments/use-kept-form";
import { FormMessage } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { initialActionState } from "@/lib/actions/action-state";
import type { MethodOffer } from "@/lib/payments/customer-queries";
import { Decimal, formatMoney, parseDecimal } from "@/lib/money";
import { quotePayment } from "@/lib/payments/quote";

function quoteFor(method: MethodOffer | undefined, amountText: string) {
  const amount = parseDecimal(amountText);
  if (!method || !amount || !amount.gt(0)) return null;
  return quotePayment(
    {
      gateway: method.gateway,
      currency: method.currency,
      exchangeRate: new Decimal(method.exchangeRate),
      feePercent: new Decimal(method.feePercent),
      bonusRules: method.bonusRules.map((r) => ({ minAmount: new Decimal(r.minAmount), percent: new Decimal(r.percent) })),
    },
    amount,
  );
}

export function AddFundsForm({ methods, panelCurrency }: { methods: MethodOffer[]; panelCurrency: string }) {
  const [state, action] = useActionState(createPaymentAction, initialActionState);
  // Controlled, so that the choice and the amount survive a refusal (React resets uncontrolled fields).
  const [methodId, setMethodId] = useState(state.values?.methodId ?? String(methods[0]?.id ?? ""));
  const [amount, setAmount] = useState(state.values?.amount ?? "");
  const { onSubmit, pending } = useKeptForm(action);
  const fe = state.fieldErrors ?? {};
  const method = methods.find((m) => String(m.id) === methodId);
  const quote = quoteFor(method, amount);
  const next = state.ok ? (state.data?.next as string | undefined) : undefined;

  useEffect(() => {
    if (next) window.location.assign(next);
  }, [next]);

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="add-funds-form">
      <FormMessage error={state.error && !fe.amount && !fe.methodId && !fe.reference ? state.error : undefined} message={next ? "Taking you to the payment…" : undefined} />
      <SelectField label="Payment method" name="methodId" value={methodId} onChange={(e) => setMethodId(e.target.value)} error={fe.methodId}>
        {methods.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name} ({m.currency})
          </option>
        ))}
      </SelectField>
      {method ? (
        <div className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-600" data-testid="method-terms">
          From {method.minAmount} to {method.maxAmount} {method.currency}
          {new Decimal(method.feePercent).gt(0) ? ` · fee ${method.feePercent} %` : " · no fee"}
          {method.bonusRules.length ? ` · bonus ${method.bonusRules.map((r) => `+${r.percent} % from ${r.minAmount}`).join(", ")}` : ""}
        </div>
      ) : null}
      <TextField
        label={`Amount${method ? ` (${method.currency})` : ""}`}
        name="amount"
        inputMode="decimal"
        autoComplete="off"
        placeholder={method?.minAmount ?? "25"}
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
        // A refusal speaks about the amount that was sent; once changed, it no longer applies.
        error={amount === state.values?.amount ? fe.amount : undefined}
      />
      {method?.gateway === "manual" ? (
        <>
          <div className="whitespace-pre-line rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="manual-instructions">
            {method.instructions}
          </div>
          <TextField label="Transfer reference" name="reference" autoComplete="off" defaultValue={state.values?.reference} error={fe.reference} hint="What you wrote on the transfer, so that we can find it." />
        </>
      ) : null}
      {quote && method ? (
        <dl className="grid grid-cols-2 gap-x-4 gap-y-1 rounded-md border border-slate-200 p-3 text-sm" data-testid="quote">
          <dt className="text-slate-500">You pay</dt>
          <dd className="text-right font-medium tabular-nums">{formatMoney(quote.payAmount, method.currency)}</dd>
          {quote.fee.gt(0) ? (
            <>
              <dt className="text-slate-500">of which fee</dt>
              <dd className="text-right tabular-nums">{formatMoney(quote.fee, method.currency)}</dd>
            </>
          ) : null}
          <dt className="text-slate-500">Added to your balance</dt>
          <dd className="text-right tabular-nums">{formatMoney(quote.creditAmount, panelCurrency)}</dd>
          <dt className="text-slate-500">Bonus{quote.bonusPercent.gt(0) ? ` (${quote.bonusPercent.toFixed()} %)` : ""}</dt>
          <dd className="text-right tabular-nums" data-testid="quote-bonus">{formatMoney(quote.bonusAmount, panelCurrency)}</dd>
        </dl>
      ) : null}
      <Button type="submit" disabled={!methods.length || Boolean(next) || pending} aria-busy={pending}>
        {pending ? "Starting payment…" : method?.gateway === "manual" ? "Submit transfer" : "Pay"}
      </Button>
    </form>
  );
}
