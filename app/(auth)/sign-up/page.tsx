import type { Metadata } from "next";
import { SignUpForm } from "@/components/auth/sign-up-form";

export const metadata: Metadata = { title: "Create an account — Reseller Panel" };

export default function SignUpPage() {
  return <SignUpForm />;
}
