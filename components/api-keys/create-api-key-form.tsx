"use client";
import { useActionState, useState } from "react";
import { createApiKeyAction } from "@/components/api-keys/actions/create-api-key-action";
import { Button, SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/card";
import { initialActionState } from "@/lib/actions/action-state";

export function CreateApiKeyForm() {
  const [state, action] = useActionState(createApiKeyAction, initialActionState);
  const newKey = state.ok && typeof state.data?.key === "string" ? state.data.key : null;
  return (
    <div className="space-y-4">
      <form action={action} className="flex flex-wrap items-start gap-3">
        <div className="w-72">
          <TextField
            label="Key name"
            name="name"
            placeholder="e.g. My reseller panel"
            maxLength={100}
            required
            defaultValue={state.values?.name}
            error={state.fieldErrors?.name}
            hint="So that you can tell your keys apart."
          />
        </div>
        <SubmitButton pendingText="Creating…" className="mt-6">
          Create key
        </SubmitButton>
      </form>
      {state.error ? <FormMessage error={state.error} /> : null}
      {newKey ? <NewKey key={newKey} apiKey={newKey} message={state.message} /> : null}
    </div>
  );
}

function NewKey({ apiKey, message }: { apiKey: string; message?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm">
      <p className="font-medium text-amber-900">{message} Copy it now: it is shown only this once.</p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <code data-testid="new-api-key" className="select-all break-all rounded bg-white px-2 py-1 font-mono text-slate-900">
          {apiKey}
        </code>
        <Button
          type="button"
          variant="secondary"
          className="px-2 py-1 text-xs"
          onClick={() => navigator.clipboard?.writeText(apiKey).then(() => setCopied(true), () => setCopied(false))}
        >
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
    </div>
  );
}
