"use client";
// Opening a ticket. Refill and cancel tickets are worked by the panel at once (each order through
// the order page's own refill/cancel), so the form says so; after opening, the conversation shows.
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { openTicketAction } from "@/components/tickets/actions/open-ticket-action";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/card";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { useKeptFormAction } from "@/components/ui/use-kept-form-action";
import { MAX_MESSAGE_LENGTH, MAX_TICKET_ORDERS, TICKET_KIND_LABELS, TICKET_KINDS, type TicketKindName } from "@/lib/tickets/schemas";

const AUTOMATIC: Partial<Record<TicketKindName, string>> = {
  refill: "The panel requests a refill for each order at once and answers with the outcome; support handles what it cannot.",
  cancel: "The panel asks the provider to cancel each order at once and answers with the outcome; support handles what it cannot.",
};

export function NewTicketForm({ initial }: { initial: { kind?: string; orderIds?: string; paymentId?: string } }) {
  const { state, pending, onSubmit, formAction } = useKeptFormAction(openTicketAction);
  const router = useRouter();
  const values = state.values ?? {};
  const [kind, setKind] = useState<string>(values.kind ?? initial.kind ?? "order");
  const ticketId = state.ok ? state.data?.ticketId : undefined;
  useEffect(() => {
    if (typeof ticketId === "number") router.push(`/tickets/${ticketId}`);
  }, [ticketId, router]);

  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-4" noValidate>
      <SelectField label="About" name="kind" value={kind} onChange={(e) => setKind(e.target.value)} error={state.fieldErrors?.kind}>
        {TICKET_KINDS.map((k) => (
          <option key={k} value={k}>
            {TICKET_KIND_LABELS[k]}
          </option>
        ))}
      </SelectField>
      <TextField label="Subject" name="subject" maxLength={200} defaultValue={values.subject} error={state.fieldErrors?.subject} />
      <TextField
        label="Order ids"
        name="orderIds"
        inputMode="numeric"
        defaultValue={values.orderIds ?? initial.orderIds}
        error={state.fieldErrors?.orderIds}
        hint={AUTOMATIC[kind as TicketKindName] ?? `Optional; up to ${MAX_TICKET_ORDERS}, separated by commas or spaces.`}
      />
      {kind === "payment" ? (
        <TextField label="Payment number" name="paymentId" inputMode="numeric" defaultValue={values.paymentId ?? initial.paymentId} error={state.fieldErrors?.paymentId} hint="Optional: the number shown on the Funds page." />
      ) : null}
      <TextAreaField label="Message" name="message" rows={6} maxLength={MAX_MESSAGE_LENGTH} defaultValue={values.message} error={state.fieldErrors?.message} hint="Text only; links are shown as links." />
      <FormMessage error={state.error} />
      <SubmitButton pending={pending} pendingText="Opening…">
        Open ticket
      </SubmitButton>
    </form>
  );
}
