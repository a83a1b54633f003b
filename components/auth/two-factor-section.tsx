"use client";
// The account page's two-factor part: set up (scan, confirm a code), or turn off with a code.
import { useActionState } from "react";
import { beginTwoFactorAction } from "@/components/auth/actions/begin-two-factor-action";
import { confirmTwoFactorAction } from "@/components/auth/actions/confirm-two-factor-action";
import { disableTwoFactorAction } from "@/components/auth/actions/disable-two-factor-action";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { initialActionState } from "@/lib/actions/action-state";

export type TwoFactorView =
  | { status: "off" }
  | { status: "pending"; qrDataUrl: string; secret: string }
  | { status: "on"; since: string };

export function TwoFactorSection({ view, required }: { view: TwoFactorView; required: boolean }) {
  const [begin, beginAction] = useActionState(beginTwoFactorAction, initialActionState);
  const [confirm, confirmAction] = useActionState(confirmTwoFactorAction, initialActionState);
  const [disable, disableAction] = useActionState(disableTwoFactorAction, initialActionState);

  if (view.status === "on") {
    return (
      <div className="space-y-4" data-testid="two-factor-on">
        <FormMessage message={confirm.message} />
        <p className="text-sm text-slate-700">
          <span className="font-medium text-emerald-700">On</span> since {view.since}. Signing in asks for a code from your authenticator app.
        </p>
        {required ? (
          <p className="text-sm text-slate-500">Two-factor sign-in is required for admin accounts on this panel.</p>
        ) : (
          <form action={disableAction} noValidate className="space-y-3">
            <FormMessage error={disable.error} message={disable.message} />
            <TextField label="Code to turn it off" id="two-factor-off-code" name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={8} error={disable.fieldErrors?.code} />
            <SubmitButton variant="danger" pendingText="Turning off…">
              Turn off two-factor sign-in
            </SubmitButton>
          </form>
        )}
      </div>
    );
  }

  if (view.status === "pending") {
    return (
      <div className="space-y-4" data-testid="two-factor-pending">
        <FormMessage error={begin.error} message={begin.message} />
        <ol className="list-decimal space-y-2 pl-5 text-sm text-slate-700">
          <li>Scan this code with an authenticator app (or type the key below into it).</li>
          <li>Enter the 6-digit code the app shows.</li>
        </ol>
        {/* A data: URL made on the server; nothing is loaded from elsewhere. */}
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img src={view.qrDataUrl} alt="QR code for your authenticator app" width={220} height={220} className="rounded border border-slate-200" />
        <p className="break-all font-mono text-xs text-slate-600" data-testid="two-factor-secret">
          {view.secret.replace(/(.{4})/g, "$1 ").trim()}
        </p>
        <form action={confirmAction} noValidate className="space-y-3">
          <FormMessage error={confirm.error} />
          <TextField label="Code from the app" id="two-factor-confirm-code" name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={8} error={confirm.fieldErrors?.code} />
          <SubmitButton pendingText="Checking…">Turn on</SubmitButton>
        </form>
      </div>
    );
  }

  return (
    <form action={beginAction} className="space-y-3" data-testid="two-factor-off">
      <FormMessage error={begin.error} message={disable.message} />
      {required ? (
        <p className="text-sm font-medium text-amber-700" role="alert">
          This panel requires two-factor sign-in for admins: set it up to use the admin pages.
        </p>
      ) : null}
      <p className="text-sm text-slate-700">Off. With it on, signing in also asks for a code from an authenticator app on your phone.</p>
      <SubmitButton variant="secondary" pendingText="Preparing…">
        Set up two-factor sign-in
      </SubmitButton>
    </form>
  );
}
