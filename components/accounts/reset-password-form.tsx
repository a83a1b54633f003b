"use client";
// Setting a new password from the emailed link (the token travels in a hidden field).
import Link from "next/link";
import { useActionState } from "react";
import { resetPasswordAction } from "@/components/accounts/actions/reset-password-action";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { initialActionState } from "@/lib/actions/action-state";

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action] = useActionState(resetPasswordAction, initialActionState);
  if (state.ok) {
    return (
      <div className="space-y-4">
        <h1 className="text-lg font-semibold">Password set</h1>
        <FormMessage message={state.message} />
        <Link href="/sign-in" className="block text-center font-medium text-indigo-600 hover:underline">
          Sign in
        </Link>
      </div>
    );
  }
  return (
    <form action={action} noValidate className="space-y-4">
      <h1 className="text-lg font-semibold">Set a new password</h1>
      <FormMessage error={state.error} />
      <input type="hidden" name="token" value={token} />
      <TextField label="New password" name="newPassword" type="password" autoComplete="new-password" error={state.fieldErrors?.newPassword} hint="At least 10 characters, with letters and a digit." />
      <SubmitButton className="w-full" pendingText="Saving…">
        Set password
      </SubmitButton>
      {state.error ? (
        <p className="text-center text-sm">
          <Link href="/forgot-password" className="font-medium text-indigo-600 hover:underline">
            Ask for a new link
          </Link>
        </p>
      ) : null}
    </form>
  );
}
