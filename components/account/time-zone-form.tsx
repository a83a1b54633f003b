"use client";
// The account's time zone: "Browser's zone" (the default, detected on each device) or a zone the
// customer picks, saved on the account so every device shows the same times.
import { setTimeZoneAction } from "@/components/account/actions/set-time-zone-action";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/card";
import { SelectField } from "@/components/ui/field";
import { useKeptFormAction } from "@/components/ui/use-kept-form-action";

/** `zones` come from the server (the browser may know another list: the markup must match). */
export function TimeZoneForm({ saved, shown, zones }: { saved: string | null; shown: string; zones: string[] }) {
  const { state, formAction, onSubmit } = useKeptFormAction(setTimeZoneAction);
  const value = state.values?.timeZone ?? saved ?? "";
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormMessage error={state.error} message={state.message} />
      <SelectField label="Time zone" name="timeZone" defaultValue={value} key={value} error={state.fieldErrors?.timeZone} hint={`Times are shown in ${shown} now.`}>
        <option value="">Browser&apos;s zone</option>
        {(zones.includes(value) || !value ? zones : [value, ...zones]).map((zone) => (
          <option key={zone} value={zone}>
            {zone.replace(/_/g, " ")}
          </option>
        ))}
      </SelectField>
      <SubmitButton pendingText="Saving…">Save time zone</SubmitButton>
    </form>
  );
}
