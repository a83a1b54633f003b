"use client";
// Keeps the payment page current while the gateway decides: polls the status route and, once the
// payment is paid, shows the new balance. Stops polling when the state is final.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { PaymentStateBadge } from "@/components/payments/payment-state-badge";
import type { PaymentState } from "@/lib/db/generated/enums";
import { formatMoney } from "@/lib/money";
import { SUPPORT_HREF } from "@/lib/navigation";

type Status = { id: number; state: PaymentState; balance: string | null };

const MESSAGES: Record<PaymentState, string> = {
  waiting: "Waiting for the payment to be confirmed. This page updates by itself.",
  paid: "Paid: the funds are on your balance.",
  failed: "The payment failed. Nothing was credited; you can try again.",
  expired: "The payment expired before it was paid. Nothing was credited.",
  canceled: "The payment was canceled. Nothing was credited.",
  rejected: "This transfer was not accepted.",
  flagged: "Something about this payment needs a look from our team; we will credit what arrived.",
  charged_back: "This payment was reversed by the payment provider.",
};

export function LivePaymentStatus({ initial, currency }: { initial: Status; currency: string }) {
  const router = useRouter();
  const { data } = useQuery({
    queryKey: ["payment-status", initial.id],
    queryFn: async (): Promise<Status> => {
      const response = await fetch(`/api/payments/status/${initial.id}`, { cache: "no-store" });
      if (!response.ok) throw new Error(`status ${response.status}`);
      return response.json();
    },
    initialData: initial,
    refetchInterval: (query) => (query.state.data?.state === "waiting" ? 3000 : false),
  });
  const status = data ?? initial;
  // Once settled, refresh the server-rendered parts (amounts credited, history).
  useEffect(() => {
    if (status.state !== initial.state) router.refresh();
  }, [status.state, initial.state, router]);
  return (
    <div role="status" aria-live="polite" className="space-y-2" data-testid="payment-status">
      <div className="flex items-center gap-2">
        <span className="text-sm text-slate-500">State</span>
        <PaymentStateBadge state={status.state} />
      </div>
      <p className="text-sm text-slate-700">
        {MESSAGES[status.state] ?? status.state}
        {status.state === "rejected" ? (
          <>
            {" "}<Link href={`${SUPPORT_HREF}?kind=payment&payment=${status.id}`} className="font-medium text-indigo-700 hover:underline">Contact support</Link> if you think this is wrong.
          </>
        ) : null}
      </p>
      {status.balance ? (
        <p className="text-sm" data-testid="new-balance">
          Your balance is now <strong>{formatMoney(status.balance, currency, { style: "cents" })}</strong>.
        </p>
      ) : null}
    </div>
  );
}
