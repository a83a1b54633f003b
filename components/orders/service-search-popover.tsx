"use client";
// The service picker's search (cmdk inside a Radix Popover anchored to the picker's button): asks
// the server for at most 50 matches as the customer types a name or an id, so it stays fast with
// 10,000 services and the catalog never travels to the browser. Arrows move, Enter chooses,
// Escape closes. Loaded when the picker is first opened or hovered (service-picker.tsx), which
// keeps cmdk and Radix's positioning out of the order page's first load.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Command } from "cmdk";
import { Popover } from "radix-ui";
import { useDeferredValue, useRef, useState, type RefObject } from "react";
import { formatMoney } from "@/lib/money/format";
import type { ServiceOption } from "@/lib/storefront/service-search";

async function fetchServices(query: string, category: string): Promise<ServiceOption[]> {
  const params = new URLSearchParams({ q: query, category });
  const res = await fetch(`/api/panel/services?${params}`, { cache: "no-store" });
  if (!res.ok) throw new Error(`services: HTTP ${res.status}`);
  return ((await res.json()) as { services: ServiceOption[] }).services;
}

type Props = {
  id: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  trigger: RefObject<HTMLButtonElement | null>;
  category: string;
  query: string;
  /** The query was typed on the picker's button while this loaded: keep typing after it. */
  typedAhead: boolean;
  onQueryChange: (query: string) => void;
  onChoose: (service: ServiceOption) => void;
  currency: string;
};

export function ServiceSearchPopover({ id, open, onOpenChange, trigger, category, query, typedAhead, onQueryChange, onChoose, currency }: Props) {
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
  const input = useRef<HTMLInputElement>(null);
  // Radix returns focus to its own Trigger; the trigger here is the picker's button.
  const interactedOutside = useRef(false);

  return (
    <Popover.Root open={open} onOpenChange={onOpenChange}>
      <Popover.Anchor virtualRef={trigger} />
      <Popover.Portal>
        <Popover.Content
          id={id}
          aria-label="Choose a service"
          align="start"
          sideOffset={4}
          onOpenAutoFocus={(event) => {
            // Into the search: after what was just typed on the button, or with the former search
            // selected so that typing replaces it.
            event.preventDefault();
            const field = input.current;
            if (!field) return;
            field.focus();
            if (typedAhead) field.setSelectionRange(field.value.length, field.value.length);
            else field.select();
          }}
          onInteractOutside={(event) => {
            // A press on the picker's button toggles it (its click handler), not close-then-reopen.
            if (trigger.current?.contains(event.target as Node)) event.preventDefault();
            else interactedOutside.current = true;
          }}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            if (!interactedOutside.current) trigger.current?.focus();
            interactedOutside.current = false;
          }}
          className="z-50 w-[var(--radix-popper-anchor-width)] max-w-[calc(100vw-2rem)] rounded-md border border-slate-200 bg-white shadow-lg"
        >
          <Command shouldFilter={false} label="Search services by name or id" loop value={activeShown} onValueChange={setActive}>
            <Command.Input
              ref={input}
              value={query}
              onValueChange={(text) => {
                onQueryChange(text);
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
                  onSelect={() => onChoose(service)}
                  data-testid={`service-option-${service.id}`}
                  className="flex cursor-pointer items-baseline justify-between gap-3 rounded px-2 py-1.5 text-sm data-[selected=true]:bg-indigo-50 data-[selected=true]:text-indigo-900"
                >
                  <span className="min-w-0">
                    <span className="text-slate-600">#{service.id}</span> {service.name}
                  </span>
                  <span className="shrink-0 tabular-nums text-slate-700">{formatMoney(service.sellRate, currency, { style: "rate" })}</span>
                </Command.Item>
              ))}
              {options.length >= 50 ? <div className="px-3 py-2 text-xs text-slate-600">The first 50 matches; type more to narrow.</div> : null}
            </Command.List>
          </Command>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
