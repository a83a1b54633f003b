"use client";
// The saved rules, most general first, each with how many items it prices and (for admins) a
// remove button; removing reprices what it covered by the next rule down.
import { useActionState } from "react";
import { removePriceRuleAction } from "@/components/pricing/actions/remove-price-rule-action";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/card";
import { column, DataTable, type ListColumn } from "@/components/ui/data-table";
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
        columns={(column) => [
          column({ header: "Applies to", card: "title", cell: (r) => <><span className="font-medium">{r.target}</span><span className="block text-xs text-slate-500">{r.itemKind}s · {r.scope}</span></> }),
          column({ header: "Markup", card: "primary", className: "tabular-nums", cell: (r) => (r.percent !== null ? `${r.percent}%` : "—") }),
          column({ header: "Fixed", className: "tabular-nums", cell: (r) => r.fixedAmount ?? "—" }),
          column({ header: "Minimum", className: "tabular-nums", cell: (r) => r.minPrice ?? "—" }),
          column({ header: "Round up to", className: "tabular-nums", cell: (r) => r.roundStep ?? "0.000001" }),
          column({ header: "Prices", align: "right", className: "tabular-nums", cell: (r) => r.pricedCount }),
          ...(isAdmin ? [removeColumn(action)] : []),
        ]}
      />
    </>
  );
}

function removeColumn(action: (form: FormData) => void): ListColumn<PriceRuleView> {
  return column({
    header: "Remove",
    card: "action",
    hiddenHeader: true,
    align: "right",
    cell: (r) => (
      <form action={action}>
        <input type="hidden" name="ruleId" value={r.id} />
        <SubmitButton variant="secondary" className="px-2 py-1 text-xs" pendingText="…" aria-label={`Remove the rule for ${r.target}`}>Remove</SubmitButton>
      </form>
    ),
  });
}
