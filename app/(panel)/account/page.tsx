import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Account — Reseller Panel" };

export default async function AccountPage() {
  const user = await requireUser();
  return (
    <>
      <PageHeader title="Account" description={user.email} />
      <Card title="Change password" className="max-w-md">
        <ChangePasswordForm email={user.email} />
      </Card>
    </>
  );
}
