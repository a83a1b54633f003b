"use client";
// Category, then service: an accessible combobox whose search runs on the server (at most 50
// matches, service-search-popover.tsx), so it stays fast with 10,000 services. Keyboard only
// works: Enter, Space or an arrow opens it, typing searches, arrows move, Enter chooses, Escape
// closes. The search's code (cmdk, Radix Popover) loads on first hover, focus or press; what is
// typed on the button meanwhile becomes the search text, so no keystroke is lost.
import dynamic from "next/dynamic";
import { useId, useRef, useState, type KeyboardEvent } from "react";
import type { ServiceOption } from "@/lib/storefront/service-search";

const loadSearch = () => import("./service-search-popover");
const ServiceSearchPopover = dynamic(() => loadSearch().then((m) => m.ServiceSearchPopover), { ssr: false });

type Props = {
  categories: { category: string; services: number }[];
  value: ServiceOption | null;
  onChange: (service: ServiceOption) => void;
  currency: string;
  error?: string;
};

export function ServicePicker({ categories, value, onChange, currency, error }: Props) {
  const id = useId();
  const [category, setCategory] = useState(value?.category ?? "");
  const [open, setOpen] = useState(false);
  const [wanted, setWanted] = useState(false);
  const [query, setQuery] = useState("");
  // Text typed on the button this opening (kept, caret after it) rather than a former search (selected).
  const [typedAhead, setTypedAhead] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const errorId = `${id}-error`;
  const popoverId = `${id}-search`;
  const show = (next: boolean) => {
    if (next) setWanted(true);
    else setTypedAhead(false);
    setOpen(next);
  };
  // Only reached while the search has not taken focus yet (closed, or its code still loading).
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      show(true);
    } else if (e.key === "Escape" && open) {
      e.preventDefault();
      show(false);
    } else if (e.key === "Backspace" && open) {
      e.preventDefault();
      setQuery((text) => text.slice(0, -1));
    } else if (e.key.length === 1 && (e.key !== " " || open)) {
      // Type to search: the first character opens the picker with a new search.
      e.preventDefault();
      setQuery((text) => (open ? text + e.key : e.key));
      setTypedAhead(true);
      show(true);
    }
  };

  return (
    <div className="space-y-3">
      <div className="space-y-1">
        <label htmlFor={`${id}-category`} className="block text-sm font-medium text-slate-700">
          Category
        </label>
        <select
          id={`${id}-category`}
          value={category}
          onChange={(e) => setCategory(e.target.value)}
          className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:outline-none focus:ring-2 focus:ring-indigo-200"
        >
          <option value="">All categories</option>
          {categories.map((c) => (
            <option key={c.category} value={c.category}>
              {c.category} ({c.services})
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-service`} className="block text-sm font-medium text-slate-700">
          Service
        </label>
        <button
          ref={trigger}
          id={`${id}-service`}
          type="button"
          role="combobox"
          aria-expanded={open}
          aria-controls={open ? popoverId : undefined}
          aria-haspopup="listbox"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          data-testid="service-picker"
          onPointerEnter={() => void loadSearch()}
          onFocus={() => void loadSearch()}
          onClick={() => show(!open)}
          onKeyDown={onKeyDown}
          className={`flex w-full items-center justify-between gap-2 rounded-md border bg-white px-3 py-2 text-left text-sm shadow-sm focus:outline-none focus:ring-2 ${
            error ? "border-red-400 focus:ring-red-200" : "border-slate-300 focus:ring-indigo-200"
          }`}
        >
          <span className={`min-w-0 truncate ${value ? "text-slate-900" : "text-slate-600"}`}>
            {value ? `#${value.id} ${value.name}` : "Choose a service: type a name or an id"}
          </span>
          <span aria-hidden className="text-slate-500">▾</span>
        </button>
        {wanted ? (
          <ServiceSearchPopover
            id={popoverId}
            open={open}
            onOpenChange={show}
            trigger={trigger}
            category={category}
            query={query}
            typedAhead={typedAhead}
            onQueryChange={setQuery}
            currency={currency}
            onChoose={(service) => {
              onChange(service);
              setCategory(service.category);
              show(false);
            }}
          />
        ) : null}
        {error ? (
          <p id={errorId} role="alert" className="text-sm text-red-600">
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}
