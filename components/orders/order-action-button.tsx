"use client";
// Refill or Cancel on one order. While it is not possible the button is disabled and says why
// (and, during a cooldown, when it will be). When it is, pressing it opens a confirmation, then
// the action runs and a toast tells the outcome (order-action-dialog.tsx). The dialog and the
// toasts are loaded when first wanted (hover, focus or press), not with the order list.
import dynamic from "next/dynamic";
import { useRef, useState } from "react";
import { prepareToasts } from "@/components/layout/toasts";
import type { OrderAbility } from "@/lib/storefront/order-view";
import { formatRelative } from "@/lib/time/format";
import type { OrderAction } from "./order-action-dialog";

const loadDialog = () => import("./order-action-dialog");
const OrderActionDialog = dynamic(() => loadDialog().then((m) => m.OrderActionDialog), { ssr: false });

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
  action: OrderAction;
  orderId: number;
  label: string;
  question: string;
  ability: OrderAbility;
  variant?: keyof typeof tone;
}) {
  const [open, setOpen] = useState(false);
  const [wanted, setWanted] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
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
  const prefetch = () => void loadDialog();
  return (
    <>
      <button
        ref={button}
        type="button"
        aria-haspopup="dialog"
        aria-expanded={open}
        onPointerEnter={prefetch}
        onFocus={prefetch}
        onClick={() => {
          // The toasts' live region is in place before the answer arrives.
          void prepareToasts();
          setWanted(true);
          setOpen(true);
        }}
        className={`rounded-md px-2 py-1 text-xs font-semibold shadow-sm ${tone[variant]}`}
        data-testid={`${label.toLowerCase()}-${orderId}`}
      >
        {label}
      </button>
      {wanted ? (
        <OrderActionDialog
          action={action}
          orderId={orderId}
          label={label}
          question={question}
          confirmClassName={tone[variant]}
          open={open}
          onOpenChange={setOpen}
          trigger={button}
        />
      ) : null}
    </>
  );
}

export const REFILL_QUESTION = "The provider tops up what dropped since the order completed. One request per order per cooldown period.";
export const CANCEL_QUESTION = "The provider is asked to stop the order; what was not delivered is refunded to your balance once they confirm.";
