"use client";
// The confirmation for Refill or Cancel (Radix AlertDialog), then the server action, a toast with
// the outcome, and the order list or page refreshed. Loaded the first time a customer presses
// one of those buttons (order-action-button.tsx); the button stays the dialog's trigger.
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { AlertDialog } from "radix-ui";
import { useTransition, type RefObject } from "react";
import { notify } from "@/components/layout/toasts";
import type { ActionState } from "@/lib/actions/action-state";

export type OrderAction = (prev: ActionState, form: FormData) => Promise<ActionState>;

export function OrderActionDialog({
  action,
  orderId,
  label,
  question,
  confirmClassName,
  open,
  onOpenChange,
  trigger,
}: {
  action: OrderAction;
  orderId: number;
  label: string;
  question: string;
  confirmClassName: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  trigger: RefObject<HTMLButtonElement | null>;
}) {
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const queryClient = useQueryClient();
  const run = () =>
    startTransition(async () => {
      const form = new FormData();
      form.set("orderId", String(orderId));
      const result = await action({}, form);
      await notify(result.ok ? "success" : "error", result.ok ? (result.message ?? `${label}: done.`) : (result.error ?? `${label} failed.`));
      onOpenChange(false);
      await queryClient.invalidateQueries({ queryKey: ["orders"] });
      await queryClient.invalidateQueries({ queryKey: ["order", orderId] });
      router.refresh();
    });
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <AlertDialog.Content
          // No Radix Trigger (the button was on the page before this code): focus goes back to it.
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            trigger.current?.focus();
          }}
          className="fixed left-1/2 top-1/2 z-50 w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-5 shadow-xl"
        >
          <AlertDialog.Title className="text-base font-semibold text-slate-900">
            {label} order #{orderId}?
          </AlertDialog.Title>
          <AlertDialog.Description className="mt-2 text-sm text-slate-700">{question}</AlertDialog.Description>
          <div className="mt-5 flex justify-end gap-2">
            <AlertDialog.Cancel asChild>
              <button type="button" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-800">
                Keep it
              </button>
            </AlertDialog.Cancel>
            {/* Not AlertDialog.Action: that closes at once; this waits for the answer. */}
            <button type="button" onClick={run} disabled={pending} aria-busy={pending} className={`rounded-md px-3 py-1.5 text-sm font-semibold ${confirmClassName}`}>
              {pending ? "Sending…" : `Yes, ${label.toLowerCase()}`}
            </button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
