import type { Metadata } from "next";
import { ConfirmEmailForm } from "@/components/accounts/confirm-email-form";

export const metadata: Metadata = { title: "Confirm your email — Reseller Panel" };

export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  return <ConfirmEmailForm token={typeof token === "string" ? token : ""} kind="verify" />;
}
