import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { requestClock } from "@/lib/time/display-zone";
import { PANEL_CURRENCY } from "@/lib/currency";
import { TicketsHeaderLink } from "@/components/tickets/tickets-header-link";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { customerNav } from "@/lib/navigation";
import { customerUnreadCount } from "@/lib/tickets/queries";

export const dynamic = "force-dynamic";

export default async function PanelLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const unread = await customerUnreadCount(await getDb(), user.id);
  return (
    <AppShell area="" nav={customerNav} user={user} balance={{ amount: user.balance, currency: PANEL_CURRENCY }} clock={await requestClock(user.timeZone)} extra={<TicketsHeaderLink href="/tickets" count={unread} label="unread answers" />}>
      {children}
    </AppShell>
  );
}
