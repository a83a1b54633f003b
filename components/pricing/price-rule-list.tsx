"use client";
// The saved rules, most general first, each with how many items it prices and (for admins) a
// remove button; removing reprices what it covered by the next rule down.
import { useActionState } from "react";
import { removePriceRuleAction } from "@/components/pricing/actions/remove-price-rule-action";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/card";
import { initialActionState } from "@/lib/actions/action-state";
import type { PriceRuleView } from "@/lib/pricing/price-rules";

export function PriceRuleList({ rules, isAdmin }: { rules: PriceRuleView[]; isAdmin: boolean }) {
  const [state, action] = useActionState(removePriceRuleAction, initialActionState);
  return (
    <>
      <FormMessage error={state.error} message={state.message} />
      <div className="relative -mx-5 overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="price-rules">
          <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
            <tr>
              <th className="py-2 pl-5 pr-3">Applies to</th>
              <th className="px-3">Markup</th>
              <th className="px-3">Fixed</th>
              <th className="px-3">Minimum</th>
              <th className="px-3">Round up to</th>
              <th className="px-3 text-right">Prices</th>
              {isAdmin ? <th className="py-2 pl-3 pr-5"><span className="sr-only">Remove</span></th> : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rules.map((r) => (
              <tr key={r.id} data-testid={`price-rule-${r.id}`}>
                <td className="py-2 pl-5 pr-3"><span className="font-medium">{r.target}</span><span className="block text-xs text-slate-500">{r.itemKind}s · {r.scope}</span></td>
                <td className="px-3 tabular-nums">{r.percent !== null ? `${r.percent}%` : "—"}</td>
                <td className="px-3 tabular-nums">{r.fixedAmount ?? "—"}</td>
                <td className="px-3 tabular-nums">{r.minPrice ?? "—"}</td>
                <td className="px-3 tabular-nums">{r.roundStep ?? "0.000001"}</td>
                <td className="px-3 text-right tabular-nums">{r.pricedCount}</td>
                {isAdmin ? (
                  <td className="py-2 pl-3 pr-5 text-right">
                    <form action={action}>
                      <input type="hidden" name="ruleId" value={r.id} />
                      <SubmitButton variant="secondary" className="px-2 py-1 text-xs" pendingText="…" aria-label={`Remove the rule for ${r.target}`}>Remove</SubmitButton>
                    </form>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
