// Labelled form fields with their error beside them. `id` defaults to the field's name; pages
// that show the same form several times (one per product, one per queued payment) pass a unique id.
// `compact`: the small variant for forms inside a table row.
import type { ComponentProps, ReactNode } from "react";

type Common = { label: string; name: string; error?: string; hint?: ReactNode; id?: string; compact?: boolean };

function FieldShell({ label, id, error, hint, compact, children }: Omit<Common, "name"> & { id: string; children: ReactNode }) {
  return (
    <div className={compact ? "space-y-0.5 text-xs" : "space-y-1"}>
      <label htmlFor={id} className={`block font-medium text-slate-700 ${compact ? "" : "text-sm"}`}>
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} role="alert" className={compact ? "text-red-700" : "text-sm text-red-600"}>
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">{hint}</p>
      ) : null}
    </div>
  );
}

/** What every control shares: its id, name, invalid state, the text describing it and its look. */
function controlProps({ id, name, error, hint, compact }: Common & { id: string }) {
  const size = compact ? "px-2 py-1" : "px-3 py-2 shadow-sm";
  return {
    id,
    name,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? `${id}-error` : hint ? `${id}-hint` : undefined,
    className: `block w-full rounded-md border ${size} text-sm focus:outline-none focus:ring-2 ${
      error ? "border-red-400 focus:ring-red-200" : "border-slate-300 focus:ring-indigo-200"
    }`,
  };
}

export function TextField({ label, name, error, hint, compact, id = name, ...rest }: Common & ComponentProps<"input">) {
  return (
    <FieldShell label={label} id={id} error={error} hint={hint} compact={compact}>
      <input {...controlProps({ label, name, error, hint, compact, id })} {...rest} />
    </FieldShell>
  );
}

export function TextAreaField({ label, name, error, hint, compact, id = name, ...rest }: Common & ComponentProps<"textarea">) {
  return (
    <FieldShell label={label} id={id} error={error} hint={hint} compact={compact}>
      <textarea {...controlProps({ label, name, error, hint, compact, id })} {...rest} />
    </FieldShell>
  );
}

export function SelectField({ label, name, error, hint, compact, children, id = name, ...rest }: Common & ComponentProps<"select">) {
  return (
    <FieldShell label={label} id={id} error={error} hint={hint} compact={compact}>
      <select {...controlProps({ label, name, error, hint, compact, id })} {...rest}>
        {children}
      </select>
    </FieldShell>
  );
}
