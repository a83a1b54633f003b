"use client";
import Link from "next/link";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef, useState } from "react";
import { signUpAction } from "@/components/auth/actions/sign-up-action";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { initialActionState } from "@/lib/actions/action-state";

const NOT_SIGNED_IN =
  "We could not sign you in with these details. If you already have an account with this email, sign in with its password.";

export function SignUpForm() {
  const router = useRouter();
  const [state, formAction] = useActionState(signUpAction, initialActionState);
  // React resets the form once the action returns, so keep what was typed for the sign-in.
  const typed = useRef({ email: "", password: "" });
  // Which answer the follow-up sign-in failed for, and the email to keep in the field.
  const [signInFailed, setSignInFailed] = useState<{ state: typeof state; email: string } | null>(null);

  useEffect(() => {
    if (!state.ok) return;
    // The answer is the same for a new and a taken email: sign in with what was just typed. It
    // works for a new account; otherwise it fails like the sign-in page does.
    void signIn("credentials", {
      email: typed.current.email,
      password: typed.current.password,
      redirect: false,
    }).then((result) => {
      if (!result?.ok) {
        setSignInFailed({ state, email: typed.current.email });
        return;
      }
      router.replace("/dashboard");
      router.refresh();
    });
  }, [state, router]);

  const failedNow = signInFailed?.state === state;
  const fe = state.fieldErrors ?? {};
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        const data = new FormData(event.currentTarget);
        typed.current = { email: String(data.get("email") ?? ""), password: String(data.get("password") ?? "") };
      }}
      noValidate
      className="space-y-4"
    >
      <h1 className="text-lg font-semibold">Create an account</h1>
      <FormMessage
        error={state.error ?? (failedNow ? NOT_SIGNED_IN : undefined)}
        message={state.ok && !failedNow ? "Signing you in…" : undefined}
      />
      <TextField label="Email" name="email" type="email" autoComplete="email" defaultValue={state.values?.email ?? (failedNow ? signInFailed.email : undefined)} error={fe.email} />
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
