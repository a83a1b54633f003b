import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { requestClock } from "@/lib/time/display-zone";
import { requireStaff } from "@/lib/auth/session";
import { staffNav } from "@/lib/navigation-staff";

export const dynamic = "force-dynamic";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireStaff();
  return (
    <AppShell area="staff" nav={staffNav} user={user} clock={await requestClock(user.timeZone)}>
      {children}
    </AppShell>
  );
}
