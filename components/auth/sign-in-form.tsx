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

/**
 * Two steps: email and password, then a code — the authenticator's (or a recovery code) for
 * accounts with two-factor sign-in, or one we emailed when the account is under a guessing attack
 * and this address is new to it (lib/auth/sign-in.ts).
 */
export function SignInForm() {
  const router = useRouter();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  // Kept between the steps; the password never leaves this component's memory otherwise.
  const [credentials, setCredentials] = useState<{ email: string; password: string; kind: "app" | "email" } | null>(null);

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
    if (code === SIGN_IN_ERRORS.codeRequired || code === SIGN_IN_ERRORS.emailCodeRequired) {
      setCredentials({ email: input.email, password: input.password, kind: code === SIGN_IN_ERRORS.codeRequired ? "app" : "email" });
      setError(undefined);
      setFieldErrors({});
    } else if (code === SIGN_IN_ERRORS.codeInvalid) {
      setFieldErrors({ code: "That code is not valid. Enter the current 6-digit code, or an unused recovery code." });
    } else if (code === SIGN_IN_ERRORS.emailCodeInvalid) {
      setFieldErrors({ code: "That code is not valid (or was used, or expired). Sign in again for a new one." });
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
      const typed = (form.code ?? "").trim();
      const looksRight = credentials.kind === "email" ? /^\d{6}$/.test(typed) : /^\d{6}$/.test(typed) || /^[a-z0-9]{5}-?[a-z0-9]{5}$/i.test(typed);
      if (!looksRight) return setFieldErrors({ code: credentials.kind === "email" ? "Enter the 6-digit code from the email." : "Enter the 6-digit code from your authenticator app, or a recovery code." });
      return attempt({ email: credentials.email, password: credentials.password, code: typed });
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
        <h1 className="text-lg font-semibold">{credentials.kind === "app" ? "Two-factor sign-in" : "Check your email"}</h1>
        <p className="text-sm text-slate-600">
          {credentials.kind === "app"
            ? `Enter the 6-digit code your authenticator app shows for ${credentials.email}, or one of your recovery codes.`
            : `This account had many failed sign-in attempts, so we emailed a 6-digit code to ${credentials.email}. It works once, for 10 minutes.`}
        </p>
        <FormMessage error={error} />
        <TextField
          label={credentials.kind === "app" ? "Authentication code" : "Code from the email"}
          name="code"
          inputMode={credentials.kind === "app" ? "text" : "numeric"}
          autoComplete="one-time-code"
          maxLength={12}
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
      <p className="-mt-2 text-right text-sm">
        <Link href="/forgot-password" className="font-medium text-indigo-600 hover:underline">
          Forgot password?
        </Link>
      </p>
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
