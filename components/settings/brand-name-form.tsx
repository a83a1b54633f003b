"use client";
// The owner names the panel: the header, every page title and the emails use it (getBrandName).
import { useActionState } from "react";
import { setBrandNameAction } from "@/components/settings/actions/set-brand-name-action";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { initialActionState } from "@/lib/actions/action-state";

export function BrandNameForm({ current, maxLength, canEdit }: { current: string; maxLength: number; canEdit: boolean }) {
  const [state, action] = useActionState(setBrandNameAction, initialActionState);
  const fe = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate className="max-w-md space-y-3">
      <TextField
        label="Panel name"
        name="name"
        maxLength={maxLength}
        defaultValue={state.values?.name ?? current}
        error={fe.name}
        hint="Shown in the header, in every page title and in emails."
        disabled={!canEdit}
      />
      {canEdit ? <SubmitButton pendingText="Saving…">Save name</SubmitButton> : <p className="text-sm text-slate-600">Only an admin can change it.</p>}
      <FormMessage error={fe.name ? undefined : state.error} message={state.ok ? state.message : undefined} />
    </form>
  );
}
