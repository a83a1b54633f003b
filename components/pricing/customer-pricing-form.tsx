"use client";
// A customer's discount and custom service prices, for the admin user page. Prices below the
// upstream cost need the "sell below cost" tick and are listed flagged.
import { useActionState } from "react";
import { setCustomPriceAction, setDiscountAction } from "@/components/pricing/actions/customer-pricing-actions";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { initialActionState } from "@/lib/actions/action-state";
import type { CustomerPricingView } from "@/lib/pricing/set-customer-pricing";
import { formatMoney } from "@/lib/money";

export function CustomerPricingForm({ customerId, pricing, isAdmin }: { customerId: number; pricing: CustomerPricingView; isAdmin: boolean }) {
  const [discount, discountAction] = useActionState(setDiscountAction, initialActionState);
  const [custom, customAction] = useActionState(setCustomPriceAction, initialActionState);
  const de = discount.fieldErrors ?? {};
  const ce = custom.fieldErrors ?? {};
  return (
    <div className="space-y-5" data-testid="customer-pricing">
      <p className="text-sm text-slate-700">
        Discount: <strong>{pricing.discountPercent ? `${pricing.discountPercent}% off list prices` : "none"}</strong>
      </p>
      {pricing.customPrices.length ? (
        <ul className="divide-y divide-slate-100 text-sm" aria-label="Custom prices">
          {pricing.customPrices.map((p) => (
            <li key={p.serviceId} className="flex flex-wrap justify-between gap-2 py-1.5">
              <span>#{p.serviceId} {p.serviceName}</span>
              <span className="tabular-nums">
                {formatMoney(p.sellRate)} <span className="text-xs text-slate-500">(list {formatMoney(p.listRate)})</span>
                {p.belowCost ? <span className="ml-1 rounded bg-red-50 px-1 text-xs text-red-700 ring-1 ring-red-200">below cost</span> : null}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {isAdmin ? (
        <>
          <form action={discountAction} noValidate className="space-y-2" aria-label="Discount">
            <input type="hidden" name="customerId" value={customerId} />
            <TextField label="Discount %" name="percent" inputMode="decimal" placeholder="e.g. 10 (blank removes)" defaultValue={discount.values?.percent ?? pricing.discountPercent ?? ""} error={de.percent} />
            <SubmitButton variant="secondary" className="px-3 py-1.5 text-xs" pendingText="Saving…">Save discount</SubmitButton>
            <FormMessage error={de.percent ? undefined : discount.error} message={discount.message} />
          </form>
          <form action={customAction} noValidate className="space-y-2" aria-label="Custom price">
            <input type="hidden" name="customerId" value={customerId} />
            <div className="grid grid-cols-2 gap-2">
              <TextField label="Service id" name="serviceId" inputMode="numeric" defaultValue={custom.values?.serviceId} error={ce.serviceId} />
              <TextField label="Price per 1000" name="sellRate" inputMode="decimal" placeholder="blank removes" defaultValue={custom.values?.sellRate} error={ce.sellRate} />
            </div>
            <label className="flex items-center gap-2 text-xs text-slate-600">
              <input type="checkbox" name="confirmBelowCost" defaultChecked={custom.values?.confirmBelowCost === "on"} /> sell below cost
            </label>
            <SubmitButton variant="secondary" className="px-3 py-1.5 text-xs" pendingText="Saving…">Save custom price</SubmitButton>
            <FormMessage error={Object.keys(ce).length ? undefined : custom.error} message={custom.message} />
          </form>
        </>
      ) : null}
    </div>
  );
}
