"use client";
// The saved rules, most general first, each with how many items it prices and (for admins) a
// remove button; removing reprices what it covered by the next rule down.
import { useActionState } from "react";
import { removePriceRuleAction } from "@/components/pricing/actions/remove-price-rule-action";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import { initialActionState } from "@/lib/actions/action-state";
import type { PriceRuleView } from "@/lib/pricing/price-rules";

export function PriceRuleList({ rules, isAdmin }: { rules: PriceRuleView[]; isAdmin: boolean }) {
  const [state, action] = useActionState(removePriceRuleAction, initialActionState);
  return (
    <>
      <FormMessage error={state.error} message={state.message} />
      <DataTable
        label="Pricing rules"
        testId="price-rules"
        rows={rules}
        rowTestId={(r) => `price-rule-${r.id}`}
        columns={[
          { header: "Applies to", cell: (r) => <><span className="font-medium">{r.target}</span><span className="block text-xs text-slate-500">{r.itemKind}s · {r.scope}</span></> },
          { header: "Markup", className: "tabular-nums", cell: (r) => (r.percent !== null ? `${r.percent}%` : "—") },
          { header: "Fixed", className: "tabular-nums", cell: (r) => r.fixedAmount ?? "—" },
          { header: "Minimum", className: "tabular-nums", cell: (r) => r.minPrice ?? "—" },
          { header: "Round up to", className: "tabular-nums", cell: (r) => r.roundStep ?? "0.000001" },
          { header: "Prices", align: "right", className: "tabular-nums", cell: (r) => r.pricedCount },
          ...(isAdmin ? [removeColumn(action)] : []),
        ]}
      />
    </>
  );
}

function removeColumn(action: (form: FormData) => void): Column<PriceRuleView> {
  return {
    header: "Remove",
    hiddenHeader: true,
    align: "right",
    cell: (r) => (
      <form action={action}>
        <input type="hidden" name="ruleId" value={r.id} />
        <SubmitButton variant="secondary" className="px-2 py-1 text-xs" pendingText="…" aria-label={`Remove the rule for ${r.target}`}>Remove</SubmitButton>
      </form>
    ),
  };
}
