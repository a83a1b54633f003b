import type { Metadata } from "next";
import { ResetPasswordForm } from "@/components/accounts/reset-password-form";

export const metadata: Metadata = { title: "Set a new password — Reseller Panel" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  return <ResetPasswordForm token={typeof token === "string" ? token : ""} />;
}
