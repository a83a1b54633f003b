"use client";
// Sign-up: the same "check your inbox" answer whether or not the address has an account
// (lib/users/sign-up.ts); the account is usable once the emailed link confirms the address.
import Link from "next/link";
import { useActionState } from "react";
import { signUpAction } from "@/components/auth/actions/sign-up-action";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { initialActionState } from "@/lib/actions/action-state";

export function SignUpForm() {
  const [state, formAction] = useActionState(signUpAction, initialActionState);
  if (state.ok) {
    return (
      <div className="space-y-4" role="status">
        <h1 className="text-lg font-semibold">Check your inbox</h1>
        <p className="text-sm text-slate-700">
          We sent a message to <span className="font-medium break-all">{String(state.data?.email ?? "")}</span>. Open the link in it to confirm your
          address; then sign in. The link works once, for 24 hours.
        </p>
        <p className="text-sm text-slate-600">Nothing arrived? Check your spam folder, or sign in and send it again from your account page.</p>
        <Link href="/sign-in" className="block text-center font-medium text-indigo-600 hover:underline">
          Go to sign in
        </Link>
      </div>
    );
  }
  const fe = state.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate className="space-y-4">
      <h1 className="text-lg font-semibold">Create an account</h1>
      <FormMessage error={state.error} />
      <TextField label="Email" name="email" type="email" autoComplete="email" defaultValue={state.values?.email} error={fe.email} />
      <TextField label="Name (optional)" name="name" autoComplete="name" defaultValue={state.values?.name} error={fe.name} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        error={fe.password}
        hint="At least 10 characters, with letters and a digit."
      />
      <SubmitButton className="w-full" pendingText="Creating…">
        Create account
      </SubmitButton>
      <p className="text-center text-sm text-slate-600">
        Already have an account?{" "}
        <Link href="/sign-in" className="font-medium text-indigo-600 hover:underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}
