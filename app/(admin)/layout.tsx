import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { requestClock } from "@/lib/time/display-zone";
import { TicketsHeaderLink } from "@/components/tickets/tickets-header-link";
import { requireStaff } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { staffNav } from "@/lib/navigation-staff";
import { staffWaitingCount } from "@/lib/tickets/queries";

export const dynamic = "force-dynamic";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireStaff();
  const waiting = await staffWaitingCount(await getDb(), user);
  return (
    <AppShell area="staff" nav={staffNav} user={user} clock={await requestClock(user.timeZone)} extra={<TicketsHeaderLink href="/admin/tickets" count={waiting} label="tickets waiting" />}>
      {children}
    </AppShell>
  );
}
