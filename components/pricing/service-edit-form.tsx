"use client";
// Edits of a service that survive catalog syncs. A blank name, category or description shows the
// provider's text again (shown as the placeholder).
import { useActionState } from "react";
import { editServiceAction } from "@/components/pricing/actions/edit-service-action";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/card";
import { TextAreaField, TextField } from "@/components/ui/field";
import { initialActionState } from "@/lib/actions/action-state";

export type EditableService = {
  id: number; nameOverride: string | null; categoryOverride: string | null; descriptionOverride: string | null;
  upstreamName: string; upstreamCategory: string; upstreamDescription: string | null; sortOrder: number; enabled: boolean;
};

export function ServiceEditForm({ service }: { service: EditableService }) {
  const [state, action] = useActionState(editServiceAction, initialActionState);
  const v = state.values;
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate className="space-y-4" aria-label="Edit service">
      <input type="hidden" name="serviceId" value={service.id} />
      <TextField label="Name" name="name" defaultValue={v?.name ?? service.nameOverride ?? ""} placeholder={service.upstreamName} error={e.name} hint={`Provider's name: ${service.upstreamName}`} />
      <TextField label="Category" name="category" defaultValue={v?.category ?? service.categoryOverride ?? ""} placeholder={service.upstreamCategory} error={e.category} hint={`Provider's category: ${service.upstreamCategory}`} />
      <TextAreaField label="Description" name="description" rows={4} defaultValue={v?.description ?? service.descriptionOverride ?? ""} placeholder={service.upstreamDescription ?? ""} error={e.description} />
      <TextField label="Sort order" name="sortOrder" inputMode="numeric" defaultValue={v?.sortOrder ?? String(service.sortOrder)} error={e.sortOrder} hint="Lower first within its category." />
      <div>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" name="enabled" defaultChecked={v ? v.enabled === "on" : service.enabled} aria-describedby={e.enabled ? "enabled-error" : undefined} />
          On sale
        </label>
        {e.enabled ? <p id="enabled-error" role="alert" className="mt-1 text-sm text-red-600">{e.enabled}</p> : null}
      </div>
      <SubmitButton pendingText="Saving…">Save</SubmitButton>
      <FormMessage error={Object.keys(e).length ? undefined : state.error} message={state.message} />
    </form>
  );
}
