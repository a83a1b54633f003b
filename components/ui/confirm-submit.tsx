"use client";
// The confirmation in front of a one-click money action (add funds, a manual refund, fail and
// refund, disabling a service): a Radix AlertDialog that says what will happen, with the form's
// own values, and submits the form only when the admin confirms. The form keeps its own submit
// path (useKeptFormAction), so the idempotency key and kept values work as for any submit.
import { AlertDialog } from "radix-ui";
import { useState, type RefObject } from "react";
import { Button } from "./button";

export function ConfirmSubmit({
  formRef,
  label,
  title,
  describe,
  confirmLabel,
  variant = "primary",
  pending,
  pendingText,
  className = "",
}: {
  formRef: RefObject<HTMLFormElement | null>;
  label: string;
  title: string;
  /** What the action will do, read from the form's values when the dialog opens. */
  describe: (form: FormData) => string;
  confirmLabel: string;
  variant?: "primary" | "danger";
  pending?: boolean;
  pendingText?: string;
  className?: string;
}) {
  const [open, setOpen] = useState(false);
  const [summary, setSummary] = useState("");
  const onOpenChange = (next: boolean) => {
    if (next && formRef.current) setSummary(describe(new FormData(formRef.current)));
    setOpen(next);
  };
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <AlertDialog.Trigger asChild>
        <Button type="button" variant={variant} disabled={pending} aria-busy={pending} className={className}>
          {pending ? (pendingText ?? "Working…") : label}
        </Button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <AlertDialog.Content className="fixed left-1/2 top-1/2 z-50 w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-5 shadow-xl">
          <AlertDialog.Title className="text-base font-semibold text-slate-900">{title}</AlertDialog.Title>
          <AlertDialog.Description className="mt-2 break-words text-sm text-slate-700">{summary}</AlertDialog.Description>
          <div className="mt-5 flex flex-wrap justify-end gap-2">
            <AlertDialog.Cancel asChild>
              <Button type="button" variant="secondary">
                Cancel
              </Button>
            </AlertDialog.Cancel>
            <AlertDialog.Action asChild>
              <Button type="button" variant={variant} onClick={() => formRef.current?.requestSubmit()}>
                {confirmLabel}
              </Button>
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
