"use client";
// A method's bonus rules ("+5 % from 100"): listed, removed, added — admins only.
import { useActionState } from "react";
import { addBonusRuleAction, removeBonusRuleAction } from "@/components/payments/actions/method-actions";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { initialActionState } from "@/lib/actions/action-state";

type Rule = { id: number; minAmount: string; percent: string };

export function BonusRules({ methodId, currency, rules, canEdit }: { methodId: number; currency: string; rules: Rule[]; canEdit: boolean }) {
  const [added, add] = useActionState(addBonusRuleAction, initialActionState);
  const [removed, remove] = useActionState(removeBonusRuleAction, initialActionState);
  const fe = added.fieldErrors ?? {};
  return (
    <div className="space-y-3" data-testid="bonus-rules">
      <FormMessage error={removed.error} message={removed.message} />
      {rules.length ? (
        <ul className="divide-y divide-slate-100 text-sm">
          {rules.map((r) => (
            <li key={r.id} className="flex items-center justify-between py-1.5">
              <span>+{r.percent} % from {r.minAmount} {currency}</span>
              {canEdit ? (
                <form action={remove}>
                  <input type="hidden" name="ruleId" value={r.id} />
                  <SubmitButton variant="secondary" className="px-2 py-1 text-xs" aria-label={`Remove +${r.percent} % from ${r.minAmount}`}>Remove</SubmitButton>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">No bonus rules.</p>
      )}
      {canEdit ? (
        <form action={add} noValidate className="space-y-2" data-testid="bonus-rule-form">
          <input type="hidden" name="methodId" value={methodId} />
          <FormMessage error={added.error && !fe.minAmount && !fe.percent ? added.error : undefined} message={added.message} />
          <div className="grid gap-2 sm:grid-cols-2">
            <TextField autoComplete="off" id="rule-minAmount" label={`From (${currency})`} name="minAmount" defaultValue={added.values?.minAmount} error={fe.minAmount} />
            <TextField autoComplete="off" id="rule-percent" label="Bonus (%)" name="percent" defaultValue={added.values?.percent} error={fe.percent} />
          </div>
          <SubmitButton pendingText="Adding…">Add bonus rule</SubmitButton>
        </form>
      ) : null}
    </div>
  );
}
