"use client";
// The phone navigation's menu (Radix DropdownMenu: keyboard, focus and Escape handled), loaded
// only when the "Menu" button is first pressed (mobile-nav.tsx), and then open at once.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { DropdownMenu } from "radix-ui";
import { MenuButton } from "./menu-button";
import type { NavItem } from "./nav-links";

export function MobileNavMenu({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <DropdownMenu.Root modal={false} defaultOpen>
      <DropdownMenu.Trigger asChild>
        <MenuButton />
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
