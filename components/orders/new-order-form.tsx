"use client";
import Link from "next/link";
import { useMemo, useState } from "react";
import { placeOrderAction } from "@/components/orders/actions/place-order-action";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/card";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { useKeptFormAction } from "@/components/ui/use-kept-form-action";
import { initialActionState } from "@/lib/actions/action-state";
import type { CatalogCategory, CatalogService } from "@/lib/catalog/list-catalog";
import { formatMoney } from "@/lib/money";
import { ZPlaceOrderInput } from "@/lib/orders/schemas";
import { serviceOrderCharge, validateServiceOrder } from "@/lib/orders/service-order-rules";
import { FIELD_LABELS, fieldsForService } from "./service-fields";

/** The same rules the server applies, run on what is typed, for a live price. */
function estimate(service: CatalogService | undefined, values: Record<string, string>): string | null {
  if (!service) return null;
  const parsed = ZPlaceOrderInput.safeParse({ ...values, serviceId: service.id });
  if (!parsed.success) return null;
  const checked = validateServiceOrder(service, parsed.data);
  if (!checked.ok) return null;
  return serviceOrderCharge(service.sellRate, checked.order).toString();
}

export function NewOrderForm({ catalog, initialServiceId, currency }: { catalog: CatalogCategory[]; initialServiceId?: number; currency: string }) {
  const { state, formAction, pending, onSubmit } = useKeptFormAction(placeOrderAction, initialActionState);
  const services = useMemo(() => catalog.flatMap((c) => c.services), [catalog]);
  const [serviceId, setServiceId] = useState<number | undefined>(initialServiceId ?? services[0]?.id);
  const [values, setValues] = useState<Record<string, string>>({});
  // One key per intended order: a double click or a resent request cannot place it twice. Each
  // answer from the server starts a new intended order, so the key follows the action state.
  const idempotencyKey = useMemo(() => (state ? crypto.randomUUID() : ""), [state]);
  // A placed order empties the form (React resets its inputs), so forget what was typed too.
  const [answered, setAnswered] = useState(state);
  // A field's error is shown until the field is edited again.
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  // Bumped after a placed order so that the inputs mount empty again (the form is never reset).
  const [placedCount, setPlacedCount] = useState(0);
  if (answered !== state) {
    setAnswered(state);
    setEdited(new Set());
    if (state.ok) {
      setValues({});
      setPlacedCount(placedCount + 1);
    }
  }

  const service = services.find((s) => s.id === serviceId);
  const fields = service ? fieldsForService(service) : [];
  const price = estimate(service, values);
  const fe = Object.fromEntries(Object.entries(state.fieldErrors ?? {}).filter(([field]) => !edited.has(field)));
  const kept = state.ok ? {} : (state.values ?? {});

  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      onChange={(e) => {
        const form = e.currentTarget;
        const name = (e.target as unknown as { name?: string }).name;
        if (name && !edited.has(name)) setEdited(new Set(edited).add(name));
        setValues(Object.fromEntries(Array.from(new FormData(form).entries()).map(([k, v]) => [k, String(v)])));
      }}
      className="space-y-4"
      noValidate
    >
      <FormMessage error={state.error} message={state.ok ? state.message : undefined} />
      {state.data?.code === "not_enough_funds" ? (
        <p className="text-sm">
          <Link className="font-medium text-indigo-700 hover:underline" href="/funds/add">
            Add funds
          </Link>{" "}
          to place this order.
        </p>
      ) : null}
      {state.ok && typeof state.data?.orderId === "number" ? (
        <p className="text-sm">
          <Link className="font-medium text-indigo-600 hover:underline" href={`/orders/${state.data.orderId}`}>
            Follow order #{state.data.orderId}
          </Link>
        </p>
      ) : null}
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <SelectField
        label="Service"
        name="serviceId"
        value={serviceId ?? ""}
        onChange={(e) => setServiceId(Number(e.target.value))}
        error={fe.serviceId}
      >
        {catalog.map((group) => (
          <optgroup key={group.category} label={group.category}>
            {group.services.map((s) => (
              <option key={s.id} value={s.id}>
                #{s.id} {s.name} — {formatMoney(s.sellRate)} per 1000
              </option>
            ))}
          </optgroup>
        ))}
      </SelectField>
      {service ? (
        <p className="rounded-md bg-slate-50 px-3 py-2 text-xs text-slate-600" data-testid="service-summary">
          {service.type} · min {service.min} · max {service.max}
          {service.refill ? " · refill" : ""}
          {service.cancel ? " · cancel" : ""}
          {service.dripfeed ? " · drip-feed" : ""}
          {service.description ? <span className="mt-1 block">{service.description}</span> : null}
        </p>
      ) : null}
      {fields.map((field) => {
        const meta = FIELD_LABELS[field];
        const common = { key: `${serviceId}-${field}-${placedCount}`, label: meta.label, name: field, error: fe[field], hint: meta.hint, defaultValue: kept[field] };
        return meta.multiline ? (
          <TextAreaField {...common} rows={5} />
        ) : (
          <TextField {...common} inputMode={meta.numeric ? "numeric" : undefined} />
        );
      })}
      <div className="flex items-center justify-between border-t border-slate-100 pt-4">
        <span className="text-sm text-slate-600">
          Charge: <strong data-testid="order-estimate">{price ? formatMoney(price, currency) : "—"}</strong>
        </span>
        <SubmitButton pendingText="Placing…" pending={pending} disabled={!service}>
          Place order
        </SubmitButton>
      </div>
    </form>
  );
}
