"use client";
// The new-order form: pick a service (server search), read what it is, fill the fields its type
// needs, see the price live, place it. It never resets itself after an answer (see
// useKeptFormAction): the service sent is always the one shown. The live price's rules load once
// a service is chosen (order-estimate.ts), the search's code when the picker is first used.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import { placeOrderAction } from "@/components/orders/actions/place-order-action";
import { ServiceDetailsPanel } from "@/components/orders/service-details";
import { ServicePicker } from "@/components/orders/service-picker";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/card";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { useKeptFormAction } from "@/components/ui/use-kept-form-action";
import { initialActionState } from "@/lib/actions/action-state";
import { formatMoney } from "@/lib/money/format";
import type { ServiceDetails, ServiceOption } from "@/lib/storefront/service-search";
import { FIELD_LABELS, fieldsForService } from "./service-fields";

type Estimator = typeof import("./order-estimate").estimateCharge;

async function fetchDetails(serviceId: number): Promise<ServiceDetails> {
  const res = await fetch(`/api/panel/services/${serviceId}`, { cache: "no-store" });
  if (!res.ok) throw new Error(res.status === 404 ? "This service is not available." : `service: HTTP ${res.status}`);
  return ((await res.json()) as { service: ServiceDetails }).service;
}

type Props = {
  categories: { category: string; services: number }[];
  initialService: ServiceDetails | null;
  currency: string;
};

export function NewOrderForm({ categories, initialService, currency }: Props) {
  const { state, formAction, pending, onSubmit } = useKeptFormAction(placeOrderAction, initialActionState);
  const [chosen, setChosen] = useState<ServiceOption | null>(initialService);
  const details = useQuery({
    queryKey: ["service-details", chosen?.id],
    queryFn: () => fetchDetails(chosen!.id),
    enabled: !!chosen,
    initialData: chosen && initialService && chosen.id === initialService.id ? initialService : undefined,
    staleTime: 60_000,
  });
  const service = chosen && details.data?.id === chosen.id ? details.data : undefined;
  const [values, setValues] = useState<Record<string, string>>({});
  // One key per intended order: a double click or a resent request cannot place it twice. Each
  // answer from the server starts a new intended order, so the key follows the action state.
  const idempotencyKey = useMemo(() => (state ? crypto.randomUUID() : ""), [state]);
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

  const [estimator, setEstimator] = useState<{ run: Estimator } | null>(null);
  const wantsEstimator = !!service && !estimator;
  useEffect(() => {
    if (!wantsEstimator) return;
    let live = true;
    void import("./order-estimate").then((m) => live && setEstimator({ run: m.estimateCharge }));
    return () => {
      live = false;
    };
  }, [wantsEstimator]);

  const fields = service ? fieldsForService(service) : [];
  const price = service && estimator ? estimator.run(service, values) : null;
  const fe = Object.fromEntries(Object.entries(state.fieldErrors ?? {}).filter(([field]) => !edited.has(field)));
  const kept = state.ok ? {} : (state.values ?? {});
  const placed = state.ok ? (state.data as { orderId?: number; charge?: string; balance?: string } | undefined) : undefined;

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
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <input type="hidden" name="serviceId" value={chosen?.id ?? ""} />
      <ServicePicker
        categories={categories}
        value={chosen}
        onChange={(next) => {
          setChosen(next);
          setEdited(new Set(edited).add("serviceId"));
        }}
        currency={currency}
        error={fe.serviceId}
      />
      {service ? <ServiceDetailsPanel service={service} currency={currency} /> : null}
      {chosen && details.isError ? <p className="text-sm text-red-700">{details.error.message}</p> : null}
      {chosen && !service && details.isFetching ? <p className="text-sm text-slate-600">Loading the service…</p> : null}
      {fields.map((field) => {
        const meta = FIELD_LABELS[field];
        const common = { key: `${chosen?.id}-${field}-${placedCount}`, label: meta.label, name: field, error: fe[field], hint: meta.hint, defaultValue: kept[field] };
        if (meta.choices) {
          // Only these values are accepted (the server refuses the rest): offered as a list, not typed.
          const { key, ...rest } = common;
          return (
            <SelectField key={key} {...rest} hint={undefined}>
              {meta.choices.map((choice) => (
                <option key={choice} value={choice}>
                  {choice === 0 ? "No delay" : `${choice} minutes`}
                </option>
              ))}
            </SelectField>
          );
        }
        return meta.multiline ? (
          <TextAreaField {...common} rows={5} />
        ) : (
          <TextField {...common} inputMode={meta.numeric ? "numeric" : undefined} />
        );
      })}
      <FormMessage error={state.error} message={state.ok ? state.message : undefined} />
      {state.data?.code === "not_enough_funds" ? (
        <p className="text-sm">
          <Link className="font-medium text-indigo-700 hover:underline" href="/funds/add">
            Add funds
          </Link>{" "}
          to place this order.
        </p>
      ) : null}
      {placed?.orderId ? (
        <div className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900" data-testid="placed-order">
          <p>
            Order #{placed.orderId}
            {placed.charge ? ` · charged ${formatMoney(placed.charge, currency)}` : ""}
            {placed.balance ? ` · new balance ${formatMoney(placed.balance, currency)}` : ""}
          </p>
          <Link className="font-medium text-indigo-700 hover:underline" href={`/orders/${placed.orderId}`}>
            Follow order #{placed.orderId}
          </Link>
        </div>
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-100 pt-4">
        <span className="text-sm text-slate-700">
          Charge: <strong data-testid="order-estimate">{price ? formatMoney(price, currency) : "—"}</strong>
        </span>
        <SubmitButton pendingText="Placing…" pending={pending} disabled={!service}>
          Place order
        </SubmitButton>
      </div>
    </form>
  );
}
