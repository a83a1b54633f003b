// Labelled form fields with their error beside them. `id` defaults to the field's name; pages
// that show the same form several times (one per product) pass a unique id.
import type { ComponentProps, ReactNode } from "react";

type Common = { label: string; name: string; error?: string; hint?: ReactNode; id?: string };

function FieldShell({ label, id, error, hint, children }: Omit<Common, "name"> & { id: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-600">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">{hint}</p>
      ) : null}
    </div>
  );
}

const inputClass = (error?: string) =>
  `block w-full rounded-md border px-3 py-2 text-sm shadow-sm focus:outline-none focus:ring-2 ${
    error ? "border-red-400 focus:ring-red-200" : "border-slate-300 focus:ring-indigo-200"
  }`;

export function TextField({ label, name, error, hint, id = name, ...rest }: Common & ComponentProps<"input">) {
  return (
    <FieldShell label={label} id={id} error={error} hint={hint}>
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        className={inputClass(error)}
        {...rest}
      />
    </FieldShell>
  );
}

export function TextAreaField({ label, name, error, hint, id = name, ...rest }: Common & ComponentProps<"textarea">) {
  return (
    <FieldShell label={label} id={id} error={error} hint={hint}>
      <textarea
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        className={inputClass(error)}
        {...rest}
      />
    </FieldShell>
  );
}

export function SelectField({
  label,
  name,
  error,
  hint,
  children,
  id = name,
  ...rest
}: Common & ComponentProps<"select">) {
  return (
    <FieldShell label={label} id={id} error={error} hint={hint}>
      <select id={id} name={name} aria-invalid={error ? true : undefined} className={inputClass(error)} {...rest}>
        {children}
      </select>
    </FieldShell>
  );
}
