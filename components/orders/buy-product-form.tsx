"use client";
import Link from "next/link";
import { useMemo, useState } from "react";
import { placeProductOrderAction } from "@/components/orders/actions/place-product-order-action";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { useKeptFormAction } from "@/components/ui/use-kept-form-action";
import { initialActionState } from "@/lib/actions/action-state";
import type { CatalogProduct } from "@/lib/catalog/list-catalog";
import { productCharge } from "@/lib/money";
import { formatMoney } from "@/lib/money/format";

export function BuyProductForm({ product, currency }: { product: CatalogProduct; currency: string }) {
  const { state, formAction, pending, onSubmit } = useKeptFormAction(placeProductOrderAction, initialActionState);
  const [quantity, setQuantity] = useState(String(product.min));
  // One key per intended order (see NewOrderForm).
  const idempotencyKey = useMemo(() => (state ? crypto.randomUUID() : ""), [state]);
  const q = /^\d{1,6}$/.test(quantity) ? Number(quantity) : null;
  const fe = state.fieldErrors ?? {};
  const outOfStock = product.stockStatus === "Out of stock" || product.inventory === 0;
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-3" noValidate data-testid={`buy-product-${product.id}`} data-stock={product.stockStatus}>
      <input type="hidden" name="productId" value={product.id} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <TextField
        id={`product-${product.id}-quantity`}
        label="Quantity"
        name="quantity"
        inputMode="numeric"
        value={quantity}
        onChange={(e) => setQuantity(e.target.value)}
        error={fe.quantity}
        hint={`${product.min}–${product.max}`}
      />
      {product.requireText ? (
        <TextField
          // A placed order mounts the field empty again (the form is never reset).
          key={state.ok ? `placed-${String(state.data?.orderId)}` : "require"}
          id={`product-${product.id}-require`}
          label={product.requireText}
          name="require"
          defaultValue={state.ok ? "" : state.values?.require} error={fe.require} />
      ) : null}
      <div className="flex items-center justify-between">
        <span className="text-sm text-slate-600">{q ? formatMoney(productCharge(product.sellRate, q).toString(), currency) : "—"}</span>
        {outOfStock ? (
          <span className="flex items-center gap-2">
            <span id={`product-${product.id}-stock`} className="text-xs text-slate-600">Out of stock</span>
            <SubmitButton disabled aria-describedby={`product-${product.id}-stock`}>Buy</SubmitButton>
          </span>
        ) : (
          <SubmitButton pendingText="Buying…" pending={pending}>Buy</SubmitButton>
        )}
      </div>
      <FormMessage error={state.error} message={state.ok ? state.message : undefined} />
      {state.ok && typeof state.data?.orderId === "number" ? (
        <Link className="text-sm font-medium text-indigo-600 hover:underline" href={`/orders/${state.data.orderId}`}>
          See order #{state.data.orderId}
        </Link>
      ) : null}
    </form>
  );
}
