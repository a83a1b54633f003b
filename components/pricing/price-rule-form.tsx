"use client";
// The pricing rule editor: where the rule applies, its terms, and two buttons — Preview (old and
// new prices, nothing saved) and Save (saves and reprices in one transaction).
import { useState } from "react";
import { priceRuleAction } from "@/components/pricing/actions/price-rule-action";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { SelectField, TextField } from "@/components/ui/field";
import { useKeptFormAction } from "@/components/ui/use-kept-form-action";
import type { RulePreview } from "@/lib/pricing/price-rules";
import { toDecimal } from "@/lib/money";
import { Money } from "@/components/ui/money";

type Option = { value: string; label: string };

export function PriceRuleForm({ providers, categories, currency }: { providers: Option[]; categories: string[]; currency: string }) {
  // Kept, not reset, after each answer: a Preview must leave every choice as it was for the Save after it.
  const { state, formAction, pending, onSubmit } = useKeptFormAction(priceRuleAction);
  const v = state.values ?? (state.data?.values as Record<string, string> | undefined) ?? {};
  const e = state.fieldErrors ?? {};
  const [scope, setScope] = useState(v.scope ?? "global");
  const preview = state.data?.preview as RulePreview | undefined;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Pricing rule">
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField label="Prices" name="itemKind" defaultValue={v.itemKind ?? "service"} error={e.itemKind}>
          <option value="service">Services (per 1000)</option>
          <option value="product">Products (per unit)</option>
        </SelectField>
        <SelectField label="Applies to" name="scope" defaultValue={v.scope ?? "global"} onChange={(ev) => setScope(ev.target.value)} error={e.scope}>
          <option value="global">Everything (global default)</option>
          <option value="provider">One provider</option>
          <option value="category">One category</option>
          <option value="item">One service or product</option>
        </SelectField>
        {scope === "provider" ? (
          <SelectField label="Provider" name="providerId" defaultValue={v.providerId ?? ""} error={e.providerId}>
            <option value="">Choose…</option>
            {providers.map((p) => (
              <option key={p.value} value={p.value}>{p.label}</option>
            ))}
          </SelectField>
        ) : scope === "category" ? (
          <TextField label="Category" name="category" defaultValue={v.category} error={e.category} list="rule-categories" autoComplete="off" />
        ) : scope === "item" ? (
          <TextField label="Service or product id" name="itemId" inputMode="numeric" defaultValue={v.itemId} error={e.itemId} />
        ) : (
          <div aria-hidden className="hidden sm:block" />
        )}
      </div>
      <datalist id="rule-categories">
        {categories.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <div className="grid gap-4 sm:grid-cols-4">
        <TextField label="Markup %" name="percent" inputMode="decimal" placeholder="25" defaultValue={v.percent} error={e.percent} />
        <TextField label="Fixed amount added" name="fixedAmount" inputMode="decimal" placeholder="0.10" defaultValue={v.fixedAmount} error={e.fixedAmount} hint="Per 1000 / per unit" />
        <TextField label="Minimum price" name="minPrice" inputMode="decimal" placeholder="optional" defaultValue={v.minPrice} error={e.minPrice} />
        <TextField label="Round up to" name="roundStep" inputMode="decimal" placeholder="0.01" defaultValue={v.roundStep} error={e.roundStep} hint="Default 0.000001" />
      </div>
      <p className="text-xs text-slate-500">sell = cost × (1 + markup) + fixed amount, at least the minimum, rounded up. The most specific rule wins: item → category → provider → global. Fixed prices are not touched.</p>
      <div className="flex flex-wrap gap-2">
        <SubmitButton name="intent" value="preview" variant="secondary" pending={pending} pendingText="Working…">Preview</SubmitButton>
        <SubmitButton name="intent" value="save" pending={pending} pendingText="Working…">Save and reprice</SubmitButton>
      </div>
      <div data-testid="rule-feedback">
        <FormMessage error={state.error} message={state.message} />
      </div>
      {preview ? <PreviewTable preview={preview} currency={currency} /> : null}
    </form>
  );
}

function PreviewTable({ preview, currency }: { preview: RulePreview; currency: string }) {
  if (preview.rows.length === 0) return null;
  return (
    <DataTable
      label="Price preview"
      testId="rule-preview"
      caption={preview.counts.changed > preview.rows.length ? `The ${preview.rows.length} largest of ${preview.counts.changed} changes` : `${preview.counts.changed} change(s)`}
      rows={preview.rows}
      columns={(column) => [
        column({ header: "Item", card: "title", className: "max-w-72", cell: (r) => <><span className="font-medium">#{r.id}</span> {r.name}<span className="block text-xs text-slate-500">{r.category}</span></> }),
        column({ header: "Provider", className: "whitespace-nowrap", cell: (r) => r.provider }),
        column({ header: "Cost", align: "right", className: "tabular-nums", cell: (r) => <Money amount={r.cost} currency={currency} /> }),
        column({ header: "Old price", card: "primary", align: "right", className: "tabular-nums", cell: (r) => <Money amount={r.oldRate} currency={currency} /> }),
        column({ header: "New price", card: "primary", align: "right", className: (r) => `tabular-nums font-medium ${toDecimal(r.newRate).gt(r.oldRate) ? "text-red-700" : "text-green-700"}`, cell: (r) => <Money amount={r.newRate} currency={currency} /> }),
      ]}
    />
  );
}
