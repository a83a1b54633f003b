"use client";
// The navigation on a phone: one "Menu" button opening the same links (Radix DropdownMenu:
// keyboard, focus and Escape handled), so the header never pushes the page sideways.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { DropdownMenu } from "radix-ui";
import type { NavItem } from "./nav-links";

export function MobileNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 md:hidden" data-testid="mobile-menu">
        Menu
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="start" sideOffset={6} className="z-50 min-w-48 rounded-md border border-slate-200 bg-white p-1 shadow-lg">
          {items.map((item) => (
            <DropdownMenu.Item key={item.href} asChild>
              <Link
                href={item.href}
                aria-current={pathname === item.href || pathname.startsWith(`${item.href}/`) ? "page" : undefined}
                className="block rounded px-3 py-2 text-sm text-slate-800 outline-none data-[highlighted]:bg-indigo-50 aria-[current=page]:font-semibold"
              >
                {item.label}
              </Link>
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
