"use client";
// Staff forms for content: an admin edits the FAQ, terms and privacy Markdown; staff post and
// withdraw dashboard announcements.
import { postAnnouncementAction, saveContentPageAction, withdrawAnnouncementAction } from "@/components/content/actions/content-actions";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/card";
import { TextAreaField, TextField } from "@/components/ui/field";
import { useKeptFormAction } from "@/components/ui/use-kept-form-action";

export function ContentPageForm({ slug, label, markdown }: { slug: string; label: string; markdown: string }) {
  const { state, pending, onSubmit, formAction } = useKeptFormAction(saveContentPageAction);
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-3" noValidate>
      <input type="hidden" name="slug" value={slug} />
      <TextAreaField label={`${label} (Markdown)`} id={`content-${slug}`} name="markdown" rows={10} defaultValue={state.values?.markdown ?? markdown} error={state.fieldErrors?.markdown} hint="Headings, lists, links and emphasis; HTML is not shown." />
      <FormMessage error={state.error} message={state.message} />
      <SubmitButton pending={pending} pendingText="Saving…">
        Save {label}
      </SubmitButton>
    </form>
  );
}

export function AnnouncementForm() {
  const { state, pending, onSubmit, formAction, formRef } = useKeptFormAction(postAnnouncementAction, {}, { clearOnSuccess: true });
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} className="space-y-3" noValidate>
      <TextField label="Title" name="title" maxLength={200} defaultValue={state.ok ? "" : state.values?.title} error={state.fieldErrors?.title} />
      <TextAreaField label="Text (Markdown)" name="body" rows={5} defaultValue={state.ok ? "" : state.values?.body} error={state.fieldErrors?.body} />
      <FormMessage error={state.error} message={state.message} />
      <SubmitButton pending={pending} pendingText="Publishing…">
        Publish announcement
      </SubmitButton>
    </form>
  );
}

export function WithdrawAnnouncementForm({ id, title }: { id: number; title: string }) {
  const { state, pending, onSubmit, formAction } = useKeptFormAction(withdrawAnnouncementAction);
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="secondary" className="px-2 py-1 text-xs" pending={pending} pendingText="Withdrawing…" aria-label={`Withdraw "${title}"`}>
        Withdraw
      </SubmitButton>
      <FormMessage error={state.error} />
    </form>
  );
}
