"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef, useState } from "react";
import { changePasswordAction } from "@/components/auth/actions/change-password-action";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { initialActionState } from "@/lib/actions/action-state";

/** With two-factor sign-in on, the re-sign-in after the change needs a current code too. */
export function ChangePasswordForm({ email, twoFactor = false }: { email: string; twoFactor?: boolean }) {
  const router = useRouter();
  const [state, formAction] = useActionState(changePasswordAction, initialActionState);
  // The change ends this session too; sign in again with the new password right away.
  // The success message shows once this browser holds its new session, not before.
  const typed = useRef({ password: "", code: "" });
  const [signedInAgain, setSignedInAgain] = useState<typeof state | null>(null);
  useEffect(() => {
    if (!state.ok) return;
    const { password, code } = typed.current;
    void signIn("credentials", { email, password, ...(code ? { code } : {}), redirect: false }).then(() => {
      setSignedInAgain(state);
      router.refresh();
    });
  }, [state, email, router]);
  const fe = state.fieldErrors ?? {};
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        const data = new FormData(e.currentTarget);
        typed.current = { password: String(data.get("newPassword") ?? ""), code: String(data.get("code") ?? "").trim() };
      }}
      className="space-y-4"
      noValidate
    >
      <FormMessage error={state.error} message={signedInAgain === state ? state.message : undefined} />
      <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" error={fe.currentPassword} />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        error={fe.newPassword}
        hint="At least 10 characters, with letters and a digit."
      />
      {twoFactor ? (
        <TextField label="Authentication code" id="password-change-code" name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={8} hint="To stay signed in after the change." />
      ) : null}
      <SubmitButton pendingText="Saving…">Change password</SubmitButton>
    </form>
  );
}
