"use client";
// The account page's notification settings: which emails a customer wants, the balance threshold
// (an exact amount in the panel currency), and for staff the owner alerts by email and Telegram.
import { savePreferencesAction } from "@/components/notifications/actions/save-preferences-action";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { useKeptFormAction } from "@/components/ui/use-kept-form-action";
import type { NotificationPreferences } from "@/lib/notifications/preferences";

function Checkbox({ name, label, checked }: { name: string; label: string; checked: boolean }) {
  return (
    <label className="flex items-start gap-2 text-sm text-slate-700">
      <input type="checkbox" name={name} defaultChecked={checked} className="mt-0.5 h-4 w-4 shrink-0 rounded border-slate-300" />
      <span>{label}</span>
    </label>
  );
}

export function NotificationPreferencesForm({ prefs, staff, currency, telegramReady }: { prefs: NotificationPreferences; staff: boolean; currency: string; telegramReady: boolean }) {
  const { state, pending, onSubmit, formAction } = useKeptFormAction(savePreferencesAction);
  const sent = state.values;
  // After a refusal the boxes show what was sent (an unchecked box sends nothing).
  const on = (name: keyof NotificationPreferences) => (sent ? sent[name] === "on" : Boolean(prefs[name]));
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-4" noValidate>
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-medium text-slate-700">Email me when</legend>
        <Checkbox name="orderFinal" label="an order is completed, partial, canceled or failed" checked={on("orderFinal")} />
        <Checkbox name="payments" label="a payment is credited or rejected (with the reason)" checked={on("payments")} />
        <Checkbox name="ticketReplies" label="support answers a ticket" checked={on("ticketReplies")} />
      </fieldset>
      <TextField
        label={`Low balance alert below (${currency})`}
        name="lowBalanceBelow"
        inputMode="decimal"
        placeholder="e.g. 10"
        defaultValue={sent?.lowBalanceBelow ?? prefs.lowBalanceBelow ?? ""}
        error={state.fieldErrors?.lowBalanceBelow}
        hint="One email each time the balance falls below this. Empty: no alert."
      />
      {staff ? (
        <fieldset className="space-y-2 border-t border-slate-200 pt-4">
          <legend className="mb-1 text-sm font-medium text-slate-700">Owner alerts (provider balance low, unknown orders, chargebacks owed)</legend>
          <Checkbox name="ownerAlertsEmail" label="by email" checked={on("ownerAlertsEmail")} />
          <TextField
            label="Telegram chat id"
            name="telegramChatId"
            placeholder="e.g. 123456789"
            defaultValue={sent?.telegramChatId ?? prefs.telegramChatId ?? ""}
            error={state.fieldErrors?.telegramChatId}
            hint={telegramReady ? "Start a chat with the panel's bot, then enter your chat id." : "Telegram alerts need TELEGRAM_BOT_TOKEN on the server; the id is kept until then."}
          />
        </fieldset>
      ) : null}
      <FormMessage error={state.error} message={state.message} />
      <SubmitButton pending={pending} pendingText="Saving…">
        Save notification settings
      </SubmitButton>
    </form>
  );
}
