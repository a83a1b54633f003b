import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { requireUser } from "@/lib/auth/session";
import { customerNav } from "@/lib/navigation";

export const dynamic = "force-dynamic";

export default async function PanelLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <AppShell area="" nav={customerNav} user={user}>
      {children}
    </AppShell>
  );
}
