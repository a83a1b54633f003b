import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { TwoFactorSection, type TwoFactorView } from "@/components/auth/two-factor-section";
import { TimeZoneForm } from "@/components/account/time-zone-form";
import { Card, PageHeader } from "@/components/ui/card";
import { displayZone } from "@/lib/time/display-zone";
import { UTC } from "@/lib/time/format";
import { isStaff, requireUser } from "@/lib/auth/session";
import { twoFactorRequired, twoFactorState } from "@/lib/auth/two-factor";
import { EmailSection } from "@/components/accounts/email-section";
import { getDb } from "@/lib/db/client";
import { NotificationPreferencesForm } from "@/components/notifications/notification-preferences-form";
import { config } from "@/lib/config";
import { PANEL_CURRENCY } from "@/lib/currency";
import { getPreferences } from "@/lib/notifications/preferences";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requireUser();
  const db = await getDb();
  const state = await twoFactorState(db, user.id);
  const prefs = await getPreferences(db, user.id);
  const view: TwoFactorView = state.status === "on" ? { status: "on", since: state.since.toISOString().slice(0, 10) } : state;
  return (
    <>
      <PageHeader title="Account" description={user.email} />
      <div className="grid max-w-4xl items-start gap-6 md:grid-cols-2">
        <Card title="Email">
          <EmailSection email={user.email} verified={user.emailVerified} />
        </Card>
        <Card title="Change password">
          <ChangePasswordForm />
        </Card>
        <Card title="Two-factor sign-in">
          <TwoFactorSection view={view} required={twoFactorRequired(user)} />
        </Card>
        <Card title="Time zone">
          <TimeZoneForm saved={user.timeZone} shown={(await displayZone(user.timeZone)).zone} zones={[UTC, ...Intl.supportedValuesOf("timeZone").filter((z) => z !== UTC)]} />
        </Card>
        <Card title="Notifications">
          <NotificationPreferencesForm prefs={prefs} staff={isStaff(user)} currency={PANEL_CURRENCY} telegramReady={Boolean(config().TELEGRAM_BOT_TOKEN)} />
        </Card>
      </div>
    </>
  );
}
