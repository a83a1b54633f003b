import type { Metadata } from "next";
import { NewTicketForm } from "@/components/tickets/new-ticket-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { TICKET_KINDS } from "@/lib/tickets/schemas";

export const metadata: Metadata = { title: "New ticket — Reseller Panel" };

type Params = { kind?: string; orders?: string; payment?: string };

/** Links may prefill the form: /tickets/new?kind=refill&orders=12,13 or ?kind=payment&payment=5. */
export default async function NewTicketPage({ searchParams }: { searchParams: Promise<Params> }) {
  await requireUser();
  const { kind, orders, payment } = await searchParams;
  const initial = {
    kind: TICKET_KINDS.find((k) => k === kind),
    orderIds: typeof orders === "string" && /^[\d,\s]{1,200}$/.test(orders) ? orders : undefined,
    paymentId: typeof payment === "string" && /^\d{1,9}$/.test(payment) ? payment : undefined,
  };
  return (
    <>
      <PageHeader title="New ticket" description="Support answers here; you also get an email unless you turned ticket emails off." />
      <Card className="max-w-2xl">
        <NewTicketForm initial={initial} />
      </Card>
    </>
  );
}
