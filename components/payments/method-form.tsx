"use client";
// Create or edit one payment method. Key fields are never filled in: the stored keys show as hints
// ("…a1b2") and an empty field keeps them. Once a method is saved the form starts over from what
// it now shows (defaults for a new method, the saved values for an edited one), so nothing typed
// for one method (its fee …) is carried into the next.
import { useActionState, useEffect, useRef, useState } from "react";
import { saveMethodAction } from "@/components/payments/actions/method-actions";
import { Button } from "@/components/ui/button";
import { useKeptForm } from "@/components/payments/use-kept-form";
import { FormMessage } from "@/components/ui/card";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { initialActionState } from "@/lib/actions/action-state";
import type { StaffMethod } from "@/lib/payments/staff-queries";

const SECRET_FIELDS = {
  stripe: [
    { name: "secretKey", label: "Secret key (sk_…)" },
    { name: "webhookSecret", label: "Webhook signing secret (whsec_…)" },
  ],
  cryptomus: [
    { name: "merchantId", label: "Merchant UUID" },
    { name: "apiKey", label: "Payment API key" },
  ],
  manual: [],
} as const;

export function MethodForm({ method }: { method?: StaffMethod }) {
  const [state, action] = useActionState(saveMethodAction, initialActionState);
  const v = state.values ?? {};
  const [gateway, setGateway] = useState<keyof typeof SECRET_FIELDS>((v.gateway as keyof typeof SECRET_FIELDS) ?? method?.gateway ?? "stripe");
  const { onSubmit, pending } = useKeptForm(action, ["secretKey", "webhookSecret", "merchantId", "apiKey"]);
  const form = useRef<HTMLFormElement>(null);
  // A new answer that says "saved": the gateway choice starts over with the fields (below).
  const [answered, setAnswered] = useState(state);
  if (answered !== state) {
    setAnswered(state);
    if (state.ok) setGateway(method?.gateway ?? "stripe");
  }
  useEffect(() => {
    if (state.ok) form.current?.reset();
  }, [state]);
  const fe = state.fieldErrors ?? {};
  const value = (name: keyof StaffMethod & string, fallback = "") => v[name] ?? (method ? String(method[name] ?? "") : fallback);
  return (
    <form ref={form} onSubmit={onSubmit} noValidate className="space-y-3" data-testid="method-form">
      <input type="hidden" name="methodId" value={method?.id ?? ""} />
      <FormMessage error={state.error} message={state.message} />
      <SelectField label="Gateway" name="gateway" value={gateway} onChange={(e) => setGateway(e.target.value as keyof typeof SECRET_FIELDS)} disabled={Boolean(method)} error={fe.gateway}>
        <option value="stripe">Card (Stripe Checkout)</option>
        <option value="cryptomus">Crypto (Cryptomus)</option>
        <option value="manual">Manual (bank transfer …)</option>
      </SelectField>
      {method ? <input type="hidden" name="gateway" value={method.gateway} /> : null}
      <TextField label="Name shown to customers" name="name" defaultValue={value("name")} error={fe.name} autoComplete="off" />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="Currency" name="currency" defaultValue={value("currency", "USD")} error={fe.currency} autoComplete="off" />
        <TextField label="Panel credit per 1 unit" name="exchangeRate" defaultValue={value("exchangeRate", "1")} error={fe.exchangeRate} inputMode="decimal" autoComplete="off" />
        <TextField label="Minimum" name="minAmount" defaultValue={value("minAmount", "5")} error={fe.minAmount} inputMode="decimal" autoComplete="off" />
        <TextField label="Maximum" name="maxAmount" defaultValue={value("maxAmount", "1000")} error={fe.maxAmount} inputMode="decimal" autoComplete="off" />
        <TextField label="Fee (%) added to what the customer pays" name="feePercent" defaultValue={value("feePercent", "0")} error={fe.feePercent} inputMode="decimal" autoComplete="off" />
      </div>
      {gateway === "manual" ? (
        <TextAreaField label="Instructions for customers" name="instructions" rows={4} defaultValue={value("instructions")} error={fe.instructions} />
      ) : (
        SECRET_FIELDS[gateway].map((f) => (
          <TextField
            key={f.name}
            label={f.label}
            name={f.name}
            type="password"
            autoComplete="off"
            error={fe[f.name]}
            hint={method?.settingsHint[f.name] ? `Stored: ${method.settingsHint[f.name]}. Leave empty to keep it.` : "Not set (the environment variable is used if present)."}
          />
        ))
      )}
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="enabled" defaultChecked={v.enabled ? v.enabled === "on" : (method?.enabled ?? false)} /> Enabled (customers can use it)
      </label>
      <Button type="submit" disabled={pending} aria-busy={pending}>{pending ? "Saving…" : method ? "Save method" : "Create method"}</Button>
    </form>
  );
}
