import type { ComponentProps, ReactNode } from "react";

type Common = { label: string; name: string; error?: string; hint?: ReactNode };

function FieldShell({ label, name, error, hint, children }: Common & { children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={name} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${name}-error`} role="alert" className="text-sm text-red-600">
          {error}
        </p>
      ) : hint ? (
        <p className="text-xs text-slate-500">{hint}</p>
      ) : null}
    </div>
  );
}

const inputClass = (error?: string) =>
  `block w-full rounded-md border px-3 py-2 text-sm shadow-sm focus:outline-none focus:ring-2 ${
    error ? "border-red-400 focus:ring-red-200" : "border-slate-300 focus:ring-indigo-200"
  }`;

export function TextField({ label, name, error, hint, ...rest }: Common & ComponentProps<"input">) {
  return (
    <FieldShell label={label} name={name} error={error} hint={hint}>
      <input
        id={name}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${name}-error` : undefined}
        className={inputClass(error)}
        {...rest}
      />
    </FieldShell>
  );
}

export function TextAreaField({ label, name, error, hint, ...rest }: Common & ComponentProps<"textarea">) {
  return (
    <FieldShell label={label} name={name} error={error} hint={hint}>
      <textarea id={name} name={name} aria-invalid={error ? true : undefined} className={inputClass(error)} {...rest} />
    </FieldShell>
  );
}

export function SelectField({
  label,
  name,
  error,
  hint,
  children,
  ...rest
}: Common & ComponentProps<"select">) {
  return (
    <FieldShell label={label} name={name} error={error} hint={hint}>
      <select id={name} name={name} aria-invalid={error ? true : undefined} className={inputClass(error)} {...rest}>
        {children}
      </select>
    </FieldShell>
  );
}
