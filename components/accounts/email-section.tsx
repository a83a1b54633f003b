"use client";
// The account page's email part: whether the address is confirmed (and "send the link again"),
// and changing it (confirmed at the new address, lib/accounts/email-change.ts).
import { useActionState } from "react";
import { requestEmailChangeAction } from "@/components/accounts/actions/request-email-change-action";
import { resendVerificationAction } from "@/components/accounts/actions/resend-verification-action";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { initialActionState } from "@/lib/actions/action-state";

export function EmailSection({ email, verified }: { email: string; verified: boolean }) {
  const [resend, resendAction] = useActionState(resendVerificationAction, initialActionState);
  const [change, changeAction] = useActionState(requestEmailChangeAction, initialActionState);
  return (
    <div className="space-y-5">
      <div className="space-y-2 text-sm">
        <p className="break-all text-slate-700">
          {email}{" "}
          {verified ? <span className="font-medium text-emerald-700">confirmed</span> : <span className="font-medium text-amber-700">not confirmed yet</span>}
        </p>
        {verified ? null : (
          <form action={resendAction} className="space-y-2">
            <p className="text-slate-600">Open the link we emailed you to add funds and place orders.</p>
            <FormMessage error={resend.error} message={resend.message} />
            <SubmitButton variant="secondary" pendingText="Sending…">
              Send the link again
            </SubmitButton>
          </form>
        )}
      </div>
      <form action={changeAction} noValidate className="space-y-3">
        <h3 className="text-sm font-semibold text-slate-900">Change email</h3>
        <FormMessage error={change.fieldErrors ? undefined : change.error} message={change.message} />
        <TextField label="New email" name="newEmail" type="email" autoComplete="email" defaultValue={change.values?.newEmail} error={change.fieldErrors?.newEmail} />
        <TextField label="Your password" id="email-current-password" name="currentPassword" type="password" autoComplete="current-password" error={change.fieldErrors?.currentPassword} />
        <SubmitButton variant="secondary" pendingText="Sending…">
          Send a confirmation link
        </SubmitButton>
      </form>
    </div>
  );
}
