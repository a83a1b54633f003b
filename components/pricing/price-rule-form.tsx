"use client";
// The pricing rule editor: where the rule applies, its terms, and two buttons — Preview (old and
// new prices, nothing saved) and Save (saves and reprices in one transaction).
import { useActionState, useState } from "react";
import { priceRuleAction } from "@/components/pricing/actions/price-rule-action";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { initialActionState } from "@/lib/actions/action-state";
import type { RulePreview } from "@/lib/pricing/price-rules";
import { formatMoney, toDecimal } from "@/lib/money";

type Option = { value: string; label: string };

export function PriceRuleForm({ providers, categories }: { providers: Option[]; categories: string[] }) {
  const [state, action] = useActionState(priceRuleAction, initialActionState);
  const v = state.values ?? (state.data?.values as Record<string, string> | undefined) ?? {};
  const e = state.fieldErrors ?? {};
  const [scope, setScope] = useState(v.scope ?? "global");
  const preview = state.data?.preview as RulePreview | undefined;
  return (
    <form action={action} noValidate className="space-y-4" aria-label="Pricing rule">
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField label="Prices" name="itemKind" defaultValue={v.itemKind ?? "service"} error={e.itemKind} key={`kind-${v.itemKind}`}>
          <option value="service">Services (per 1000)</option>
          <option value="product">Products (per unit)</option>
        </SelectField>
        {/* Uncontrolled, so React's reset after a refused submit restores the choice from the answer. */}
        <SelectField label="Applies to" name="scope" defaultValue={v.scope ?? "global"} key={`scope-${v.scope}`} onChange={(ev) => setScope(ev.target.value)} error={e.scope}>
          <option value="global">Everything (global default)</option>
          <option value="provider">One provider</option>
          <option value="category">One category</option>
          <option value="item">One service or product</option>
        </SelectField>
        {scope === "provider" ? (
          <SelectField label="Provider" name="providerId" defaultValue={v.providerId ?? ""} error={e.providerId} key={`p-${v.providerId}`}>
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
        <SubmitButton name="intent" value="preview" variant="secondary" pendingText="Working…">Preview</SubmitButton>
        <SubmitButton name="intent" value="save" pendingText="Working…">Save and reprice</SubmitButton>
      </div>
      <div data-testid="rule-feedback">
        <FormMessage error={state.error} message={state.message} />
      </div>
      {preview ? <PreviewTable preview={preview} /> : null}
    </form>
  );
}

function PreviewTable({ preview }: { preview: RulePreview }) {
  if (preview.rows.length === 0) return null;
  return (
    <div className="relative -mx-5 overflow-x-auto" data-testid="rule-preview">
      <table className="w-full text-left text-sm">
        <caption className="px-5 pb-2 text-left text-xs text-slate-500">
          {preview.counts.changed > preview.rows.length ? `The ${preview.rows.length} largest of ${preview.counts.changed} changes` : `${preview.counts.changed} change(s)`}
        </caption>
        <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
          <tr>
            <th className="py-2 pl-5 pr-3">Item</th>
            <th className="px-3">Provider</th>
            <th className="px-3 text-right">Cost</th>
            <th className="px-3 text-right">Old price</th>
            <th className="py-2 pl-3 pr-5 text-right">New price</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {preview.rows.map((r) => (
            <tr key={r.id}>
              <td className="max-w-72 py-2 pl-5 pr-3"><span className="font-medium">#{r.id}</span> {r.name}<span className="block text-xs text-slate-500">{r.category}</span></td>
              <td className="px-3 whitespace-nowrap">{r.provider}</td>
              <td className="px-3 text-right tabular-nums">{formatMoney(r.cost)}</td>
              <td className="px-3 text-right tabular-nums">{formatMoney(r.oldRate)}</td>
              <td className={`py-2 pl-3 pr-5 text-right tabular-nums font-medium ${toDecimal(r.newRate).gt(r.oldRate) ? "text-red-700" : "text-green-700"}`}>{formatMoney(r.newRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
