// Labels must point at the right input when two forms on one page share field names (ids stay unique).
/** A text field whose id is given, for forms that share a page with another using the same field names. */
export function ScopedField({ id, label, name, defaultValue, error, placeholder }: { id: string; label: string; name: string; defaultValue?: string; error?: string; placeholder?: string }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">{label}</label>
      <input
        id={id}
        name={name}
        autoComplete="off"
        defaultValue={defaultValue}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={`block w-full rounded-md border px-3 py-2 text-sm ${error ? "border-red-400" : "border-slate-300"}`}
      />
      {error ? <p id={`${id}-error`} role="alert" className="text-sm text-red-600">{error}</p> : null}
    </div>
  );
}
