import Link from "next/link";
import type { ReactNode } from "react";

const control = "h-9 rounded-md border border-slate-300 bg-white px-2 text-sm";

/** A GET form: filters live in the URL, so a filtered view can be bookmarked and shared. */
export function FilterBar({ resetHref, children, hidden = {} }: { resetHref: string; children: ReactNode; hidden?: Record<string, string> }) {
  return (
    <form className="mb-4 flex flex-wrap items-end gap-3" role="search">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <button className="h-9 rounded-md bg-slate-800 px-3 text-sm font-medium text-white hover:bg-slate-700">Filter</button>
      <Link href={resetHref} className="flex h-9 items-center text-sm text-slate-500 hover:text-slate-800">
        Reset
      </Link>
    </form>
  );
}

export function FilterSelect({
  label,
  name,
  value,
  options,
  anyLabel = "Any",
}: {
  label: string;
  name: string;
  value?: string;
  options: { value: string; label: string }[];
  anyLabel?: string;
}) {
  return (
    <label className="flex flex-col gap-1 text-xs font-medium text-slate-500">
      {label}
      <select name={name} defaultValue={value ?? ""} className={`${control} max-w-56`}>
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function FilterInput({
  label,
  name,
  value,
  placeholder,
  type = "text",
  width = "w-56",
}: { label: string; name: string; value?: string; placeholder?: string; type?: "text" | "date" | "search"; width?: string }) {
  return (
    <label className="flex flex-col gap-1 text-xs font-medium text-slate-500">
      {label}
      <input name={name} type={type} defaultValue={value} placeholder={placeholder} className={`${control} ${width} max-w-full`} />
    </label>
  );
}

export const YES_NO = (yes: string, no: string) => [
  { value: "yes", label: yes },
  { value: "no", label: no },
];
