import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { TwoFactorSection, type TwoFactorView } from "@/components/auth/two-factor-section";
import { Card, PageHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { twoFactorAllowed, twoFactorRequired, twoFactorState } from "@/lib/auth/two-factor";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Account — Reseller Panel" };

export default async function AccountPage() {
  const user = await requireUser();
  const state = twoFactorAllowed(user) ? await twoFactorState(await getDb(), user.id) : null;
  const view: TwoFactorView | null = state && (state.status === "on" ? { status: "on", since: state.since.toISOString().slice(0, 10) } : state);
  return (
    <>
      <PageHeader title="Account" description={user.email} />
      <div className="grid max-w-4xl items-start gap-6 md:grid-cols-2">
        <Card title="Change password">
          <ChangePasswordForm />
        </Card>
        {view ? (
          <Card title="Two-factor sign-in">
            <TwoFactorSection view={view} required={twoFactorRequired(user)} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
