"use client";
// The page an emailed confirmation link opens: one click uses the link (opening it alone does not,
// so a mail scanner that follows links cannot use it up).
import Link from "next/link";
import { useActionState } from "react";
import { confirmEmailAction } from "@/components/accounts/actions/confirm-email-action";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/card";
import { initialActionState } from "@/lib/actions/action-state";

export function ConfirmEmailForm({ token, kind }: { token: string; kind: "verify" | "change" }) {
  const [state, action] = useActionState(confirmEmailAction, initialActionState);
  const title = kind === "verify" ? "Confirm your email address" : "Confirm your new email address";
  return (
    <form action={action} noValidate className="space-y-4">
      <h1 className="text-lg font-semibold">{state.ok ? "Email confirmed" : title}</h1>
      <FormMessage error={state.error} message={state.message} />
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="kind" value={kind} />
      {state.ok ? (
        <Link href={kind === "verify" ? "/dashboard" : "/sign-in"} className="block text-center font-medium text-indigo-600 hover:underline">
          {kind === "verify" ? "Go to the dashboard" : "Sign in"}
        </Link>
      ) : (
        <SubmitButton className="w-full" pendingText="Confirming…">
          Confirm
        </SubmitButton>
      )}
    </form>
  );
}
