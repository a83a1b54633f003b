"use client";
import Link from "next/link";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { SIGN_IN_ERRORS, ZSignInInput } from "@/lib/users/schemas";
import { fieldErrorsOf } from "@/lib/validation/field-errors";

/** Two steps: email and password, then (for accounts with two-factor sign-in) the app's code. */
export function SignInForm() {
  const router = useRouter();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  // Kept between the steps; the password never leaves this component's memory otherwise.
  const [credentials, setCredentials] = useState<{ email: string; password: string } | null>(null);

  async function attempt(input: { email: string; password: string; code?: string }) {
    setPending(true);
    const result = await signIn("credentials", { ...input, redirect: false });
    setPending(false);
    if (result && !result.error) {
      router.replace("/");
      router.refresh();
      return;
    }
    const code = result?.error ?? "";
    if (code === SIGN_IN_ERRORS.codeRequired) {
      setCredentials({ email: input.email, password: input.password });
      setError(undefined);
      setFieldErrors({});
    } else if (code === SIGN_IN_ERRORS.codeInvalid) {
      setFieldErrors({ code: "That code is not valid. Enter the current 6-digit code." });
    } else {
      // One message whether the email is unknown, the password wrong or the account suspended;
      // the throttle's own message (the same for any email) says how long to wait.
      setCredentials(null);
      setError(code.startsWith("Too many") ? code : "Email or password is incorrect.");
    }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = Object.fromEntries(new FormData(event.currentTarget).entries()) as Record<string, string>;
    if (credentials) {
      if (!/^\s*\d{6}\s*$/.test(form.code ?? "")) return setFieldErrors({ code: "Enter the 6-digit code from your authenticator app." });
      return attempt({ ...credentials, code: form.code!.trim() });
    }
    const parsed = ZSignInInput.safeParse(form);
    if (!parsed.success) {
      setFieldErrors(fieldErrorsOf(parsed.error));
      setError(undefined);
      return;
    }
    setFieldErrors({});
    await attempt(parsed.data);
  }

  if (credentials) {
    return (
      <form onSubmit={onSubmit} noValidate className="space-y-4" key="code">
        <h1 className="text-lg font-semibold">Two-factor sign-in</h1>
        <p className="text-sm text-slate-600">Enter the 6-digit code your authenticator app shows for {credentials.email}.</p>
        <FormMessage error={error} />
        <TextField
          label="Authentication code"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={8}
          autoFocus
          error={fieldErrors.code}
        />
        <Button type="submit" disabled={pending} className="w-full">
          {pending ? "Checking…" : "Verify"}
        </Button>
        <button type="button" onClick={() => setCredentials(null)} className="w-full text-center text-sm text-indigo-600 hover:underline">
          Back to email and password
        </button>
      </form>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" key="password">
      <h1 className="text-lg font-semibold">Sign in</h1>
      <FormMessage error={error} />
      <TextField label="Email" name="email" type="email" autoComplete="email" error={fieldErrors.email} />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" error={fieldErrors.password} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Signing in…" : "Sign in"}
      </Button>
      <p className="text-center text-sm text-slate-600">
        New here?{" "}
        <Link href="/sign-up" className="font-medium text-indigo-600 hover:underline">
          Create an account
        </Link>
      </p>
    </form>
  );
}
