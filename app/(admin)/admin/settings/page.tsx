import type { Metadata } from "next";
import { brandNameForRequest } from "@/components/layout/brand";
import { BrandNameForm } from "@/components/settings/brand-name-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requireStaff } from "@/lib/auth/session";
import { BRAND_NAME_MAX_LENGTH } from "@/lib/branding/brand-name";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const actor = await requireStaff();
  return (
    <>
      <PageHeader title="Settings" description="How the panel presents itself to customers." />
      <Card title="Name">
        <BrandNameForm current={await brandNameForRequest()} maxLength={BRAND_NAME_MAX_LENGTH} canEdit={actor.role === "admin"} />
      </Card>
    </>
  );
}
