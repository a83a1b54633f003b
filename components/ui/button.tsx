"use client";
import type { ButtonHTMLAttributes } from "react";
import { useFormStatus } from "react-dom";

const variants = {
  primary: "bg-indigo-600 text-white hover:bg-indigo-500 disabled:bg-indigo-300",
  secondary: "bg-white text-slate-700 border border-slate-300 hover:bg-slate-50 disabled:text-slate-400",
  danger: "bg-red-600 text-white hover:bg-red-500 disabled:bg-red-300",
};

export function Button({
  variant = "primary",
  className = "",
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof variants }) {
  return (
    <button
      className={`inline-flex items-center justify-center rounded-md px-4 py-2 text-sm font-semibold shadow-sm transition ${variants[variant]} ${className}`}
      {...rest}
    />
  );
}

/**
 * A submit button that disables itself while its form is being sent, so one click is one request.
 * Forms submitted through useKeptFormAction pass `pending` (useFormStatus only sees native actions).
 */
export function SubmitButton({
  children,
  pendingText,
  pending: sending,
  ...rest
}: Parameters<typeof Button>[0] & { pendingText?: string; pending?: boolean }) {
  const status = useFormStatus();
  const pending = sending ?? status.pending;
  return (
    <Button type="submit" disabled={pending || rest.disabled} aria-busy={pending} {...rest}>
      {pending ? (pendingText ?? "Working…") : children}
    </Button>
  );
}
