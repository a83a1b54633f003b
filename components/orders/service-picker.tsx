"use client";
// Category, then service: a searchable combobox (cmdk inside a Radix Popover) that asks the
// server for at most 50 matches as the customer types a name or an id, so it stays fast with
// 10,000 services and the catalog never travels to the browser. Keyboard only works: Enter or
// Space opens it, typing searches, arrows move, Enter chooses, Escape closes.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Command } from "cmdk";
import { Popover } from "radix-ui";
import { useDeferredValue, useId, useState } from "react";
import { formatMoney } from "@/lib/money/format";
import type { ServiceOption } from "@/lib/storefront/service-search";

type Props = {
  categories: { category: string; services: number }[];
  value: ServiceOption | null;
  onChange: (service: ServiceOption) => void;
  currency: string;
  error?: string;
};

async function fetchServices(query: string, category: string): Promise<ServiceOption[]> {
  const params = new URLSearchParams({ q: query, category });
  const res = await fetch(`/api/panel/services?${params}`, { cache: "no-store" });
  if (!res.ok) throw new Error(`services: HTTP ${res.status}`);
  return ((await res.json()) as { services: ServiceOption[] }).services;
}

export function ServicePicker({ categories, value, onChange, currency, error }: Props) {
  const id = useId();
  const [category, setCategory] = useState(value?.category ?? "");
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  // Typing stays responsive; the request follows the latest settled text.
  const deferredQuery = useDeferredValue(query.trim());
  const { data, isFetching, isError } = useQuery({
    queryKey: ["service-search", category, deferredQuery],
    queryFn: () => fetchServices(deferredQuery, category),
    enabled: open,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const options = data ?? [];
  // cmdk highlights the first item only when it filters by itself; with answers arriving from the
  // server, keep the highlight on the first match whenever the matches change.
  const [active, setActive] = useState("");
  const activeShown = options.some((o) => String(o.id) === active) ? active : options[0] ? String(options[0].id) : "";
  const errorId = `${id}-error`;

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
        <Popover.Root open={open} onOpenChange={setOpen}>
          <Popover.Trigger asChild>
            <button
              id={`${id}-service`}
              type="button"
              // Radix's Trigger adds aria-controls (the popover's id) itself.
              // eslint-disable-next-line jsx-a11y/role-has-required-aria-props
              role="combobox"
              aria-expanded={open}
              aria-haspopup="listbox"
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
              data-testid="service-picker"
              className={`flex w-full items-center justify-between gap-2 rounded-md border bg-white px-3 py-2 text-left text-sm shadow-sm focus:outline-none focus:ring-2 ${
                error ? "border-red-400 focus:ring-red-200" : "border-slate-300 focus:ring-indigo-200"
              }`}
            >
              <span className={`min-w-0 truncate ${value ? "text-slate-900" : "text-slate-600"}`}>
                {value ? `#${value.id} ${value.name}` : "Choose a service: type a name or an id"}
              </span>
              <span aria-hidden className="text-slate-500">▾</span>
            </button>
          </Popover.Trigger>
          <Popover.Portal>
            <Popover.Content
              aria-label="Choose a service"
              align="start"
              sideOffset={4}
              className="z-50 w-[var(--radix-popover-trigger-width)] max-w-[calc(100vw-2rem)] rounded-md border border-slate-200 bg-white shadow-lg"
            >
              <Command shouldFilter={false} label="Search services by name or id" loop value={activeShown} onValueChange={setActive}>
                <Command.Input
                  value={query}
                  onValueChange={(text) => {
                    setQuery(text);
                    setActive("");
                  }}
                  placeholder="Search by name or id…"
                  className="w-full border-b border-slate-200 px-3 py-2 text-sm outline-none"
                />
                <Command.List className="max-h-80 overflow-y-auto p-1" aria-label="Matching services">
                  {isError ? <div className="px-3 py-2 text-sm text-red-700">Search failed. Try again.</div> : null}
                  {!isError && !isFetching && options.length === 0 ? (
                    <Command.Empty className="px-3 py-2 text-sm text-slate-600">No service matches.</Command.Empty>
                  ) : null}
                  {options.map((service) => (
                    <Command.Item
                      key={service.id}
                      value={String(service.id)}
                      onSelect={() => {
                        onChange(service);
                        setCategory(service.category);
                        setOpen(false);
                      }}
                      data-testid={`service-option-${service.id}`}
                      className="flex cursor-pointer items-baseline justify-between gap-3 rounded px-2 py-1.5 text-sm data-[selected=true]:bg-indigo-50 data-[selected=true]:text-indigo-900"
                    >
                      <span className="min-w-0">
                        <span className="text-slate-600">#{service.id}</span> {service.name}
                      </span>
                      <span className="shrink-0 tabular-nums text-slate-700">{formatMoney(service.sellRate, currency)}</span>
                    </Command.Item>
                  ))}
                  {options.length >= 50 ? (
                    <div className="px-3 py-2 text-xs text-slate-600">The first 50 matches; type more to narrow.</div>
                  ) : null}
                </Command.List>
              </Command>
            </Popover.Content>
          </Popover.Portal>
        </Popover.Root>
        {error ? (
          <p id={errorId} role="alert" className="text-sm text-red-600">
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}
