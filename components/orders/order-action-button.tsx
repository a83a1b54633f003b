"use client";
// Refill or Cancel on one order: a confirmation (Radix AlertDialog), then the server action, then a
// toast (sonner) with the outcome, and the order list or page refreshed. While it is not possible
// the button is disabled and says why (and, during a cooldown, when it will be).
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { AlertDialog } from "radix-ui";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import type { ActionState } from "@/lib/actions/action-state";
import type { OrderAbility } from "@/lib/storefront/order-view";
import { formatRelative } from "@/lib/time/format";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

const tone = {
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50",
  danger: "bg-red-600 text-white hover:bg-red-500",
};

export function OrderActionButton({
  action,
  orderId,
  label,
  question,
  ability,
  variant = "secondary",
}: {
  action: Action;
  orderId: number;
  label: string;
  question: string;
  ability: OrderAbility;
  variant?: keyof typeof tone;
}) {
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const queryClient = useQueryClient();
  if (!ability.allowed) {
    const when = ability.until ? ` Possible ${formatRelative(ability.until)}.` : "";
    return (
      <span className="inline-flex flex-col gap-0.5">
        <button type="button" disabled aria-describedby={`why-${label}-${orderId}`} className="cursor-not-allowed rounded-md border border-slate-200 bg-slate-50 px-2 py-1 text-xs font-medium text-slate-600">
          {label}
        </button>
        <span id={`why-${label}-${orderId}`} className="max-w-48 text-xs text-slate-600">
          {ability.reason}
          {when}
        </span>
      </span>
    );
  }
  const run = () =>
    startTransition(async () => {
      const form = new FormData();
      form.set("orderId", String(orderId));
      const result = await action({}, form);
      if (result.ok) toast.success(result.message ?? `${label}: done.`);
      else toast.error(result.error ?? `${label} failed.`);
      setOpen(false);
      await queryClient.invalidateQueries({ queryKey: ["orders"] });
      await queryClient.invalidateQueries({ queryKey: ["order", orderId] });
      router.refresh();
    });
  return (
    <AlertDialog.Root open={open} onOpenChange={setOpen}>
      <AlertDialog.Trigger asChild>
        <button type="button" className={`rounded-md px-2 py-1 text-xs font-semibold shadow-sm ${tone[variant]}`} data-testid={`${label.toLowerCase()}-${orderId}`}>
          {label}
        </button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <AlertDialog.Content className="fixed left-1/2 top-1/2 z-50 w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-5 shadow-xl">
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
            <button type="button" onClick={run} disabled={pending} aria-busy={pending} className={`rounded-md px-3 py-1.5 text-sm font-semibold ${tone[variant === "danger" ? "danger" : "secondary"]}`}>
              {pending ? "Sending…" : `Yes, ${label.toLowerCase()}`}
            </button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}

export const REFILL_QUESTION = "The provider tops up what dropped since the order completed. One request per order per cooldown period.";
export const CANCEL_QUESTION = "The provider is asked to stop the order; what was not delivered is refunded to your balance once they confirm.";
