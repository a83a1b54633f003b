import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { requestClock } from "@/lib/time/display-zone";
import { PANEL_CURRENCY } from "@/lib/currency";
import { requireUser } from "@/lib/auth/session";
import { customerNav } from "@/lib/navigation";

export const dynamic = "force-dynamic";

export default async function PanelLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <AppShell area="" nav={customerNav} user={user} balance={{ amount: user.balance, currency: PANEL_CURRENCY }} clock={await requestClock(user.timeZone)}>
      {children}
    </AppShell>
  );
}
