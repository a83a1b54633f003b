"use client";
// "Forgot password?": one answer whatever the address (lib/accounts/password-reset.ts).
import Link from "next/link";
import { useActionState } from "react";
import { requestPasswordResetAction } from "@/components/accounts/actions/request-password-reset-action";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { initialActionState } from "@/lib/actions/action-state";

export function ForgotPasswordForm() {
  const [state, action] = useActionState(requestPasswordResetAction, initialActionState);
  return (
    <form action={action} noValidate className="space-y-4">
      <h1 className="text-lg font-semibold">Forgot your password?</h1>
      <p className="text-sm text-slate-600">Enter the email of your account and we will send you a link to set a new password.</p>
      <FormMessage error={state.error} message={state.message} />
      <TextField label="Email" name="email" type="email" autoComplete="email" defaultValue={state.values?.email} error={state.fieldErrors?.email} />
      <SubmitButton className="w-full" pendingText="Sending…">
        Send the link
      </SubmitButton>
      <p className="text-center text-sm text-slate-600">
        <Link href="/sign-in" className="font-medium text-indigo-600 hover:underline">
          Back to sign in
        </Link>
      </p>
    </form>
  );
}
