"use client";
import { useActionState } from "react";
import { changePasswordAction } from "@/components/auth/actions/change-password-action";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { initialActionState } from "@/lib/actions/action-state";

/** The change ends every other session; the action carries this browser's session over itself. */
export function ChangePasswordForm() {
  const [state, formAction] = useActionState(changePasswordAction, initialActionState);
  const fe = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage error={state.error} message={state.message} />
      <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" error={fe.currentPassword} />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        error={fe.newPassword}
        hint="At least 10 characters, with letters and a digit."
      />
      <SubmitButton pendingText="Saving…">Change password</SubmitButton>
    </form>
  );
}
