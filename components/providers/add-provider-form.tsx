"use client";
import { useActionState } from "react";
import { addProviderAction } from "@/components/providers/actions/add-provider-action";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { initialActionState } from "@/lib/actions/action-state";

export function AddProviderForm() {
  const [state, action] = useActionState(addProviderAction, initialActionState);
  const fe = state.fieldErrors ?? {};
  const v = state.values ?? {};
  return (
    <form action={action} noValidate className="space-y-4" data-testid="add-provider-form">
      <FormMessage error={state.error} message={state.message} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Name" name="name" defaultValue={v.name} error={fe.name} placeholder="e.g. MainPanel" />
        <TextField label="API URL" name="url" defaultValue={v.url} error={fe.url} placeholder="https://panel.example/api/v2" />
        {/* Write-only: never filled from the server, not even after an error. */}
        <TextField
          label="API key"
          name="key"
          type="password"
          autoComplete="off"
          error={fe.key}
          hint="Stored encrypted; it is never shown again."
        />
        <div className="grid grid-cols-3 gap-3">
          <TextField label="Currency" name="currency" defaultValue={v.currency ?? "USD"} error={fe.currency} />
          <TextField label="Exchange rate" name="exchangeRate" inputMode="decimal" defaultValue={v.exchangeRate ?? "1"} error={fe.exchangeRate} />
          <TextField label="Timeout (ms)" name="timeoutMs" inputMode="numeric" defaultValue={v.timeoutMs ?? "15000"} error={fe.timeoutMs} />
        </div>
      </div>
      <p className="text-xs text-slate-500">Exchange rate: panel currency units per one unit of the provider&apos;s currency.</p>
      <SubmitButton pendingText="Adding…">Add provider</SubmitButton>
    </form>
  );
}
