"use client";
// The reply box under a conversation, for the customer and for staff (who may close while answering).
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/card";
import { TextAreaField } from "@/components/ui/field";
import { useKeptFormAction } from "@/components/ui/use-kept-form-action";
import type { ActionState } from "@/lib/actions/action-state";
import { MAX_MESSAGE_LENGTH } from "@/lib/tickets/schemas";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

export function ReplyForm({ ticketId, action, staff = false, closed = false }: { ticketId: number; action: Action; staff?: boolean; closed?: boolean }) {
  const { state, pending, onSubmit, formAction, formRef } = useKeptFormAction(action, {}, { clearOnSuccess: true });
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} className="space-y-3" noValidate>
      <input type="hidden" name="ticketId" value={ticketId} />
      <TextAreaField
        label={staff ? "Answer" : "Your reply"}
        name="message"
        rows={5}
        maxLength={MAX_MESSAGE_LENGTH}
        defaultValue={state.ok ? "" : state.values?.message}
        error={state.fieldErrors?.message}
        hint={!staff && closed ? "Replying opens the ticket again." : undefined}
      />
      {staff ? (
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" name="close" className="h-4 w-4 rounded border-slate-300" /> Close the ticket with this answer
        </label>
      ) : null}
      <FormMessage error={state.error} message={state.message} />
      <SubmitButton pending={pending} pendingText="Sending…">
        {staff ? "Send answer" : "Send reply"}
      </SubmitButton>
    </form>
  );
}

export function CloseTicketForm({ ticketId, action }: { ticketId: number; action: Action }) {
  const { state, pending, onSubmit, formAction } = useKeptFormAction(action);
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="ticketId" value={ticketId} />
      <SubmitButton variant="secondary" pending={pending} pendingText="Closing…">
        Close ticket
      </SubmitButton>
      <FormMessage error={state.error} />
    </form>
  );
}
