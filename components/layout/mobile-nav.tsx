"use client";
// The navigation on a phone: one "Menu" button opening the same links, so the header never pushes
// the page sideways. The menu itself (Radix DropdownMenu) is about a fifth of a page's first-load
// JS and most visits never open it (nor see it, from tablet width), so the page loads a plain
// button; a touch, hover or focus starts loading the menu and pressing the button opens it.
import dynamic from "next/dynamic";
import { useState } from "react";
import { MenuButton } from "./menu-button";
import type { NavItem } from "./nav-links";

const loadMenu = () => import("./mobile-nav-menu");
const MobileNavMenu = dynamic(() => loadMenu().then((m) => m.MobileNavMenu), {
  ssr: false,
  loading: () => <MenuButton aria-expanded aria-busy />,
});

export function MobileNav({ items }: { items: NavItem[] }) {
  const [opened, setOpened] = useState(false);
  if (opened) return <MobileNavMenu items={items} />;
  const prefetch = () => void loadMenu();
  return (
    <MenuButton
      aria-expanded={false}
      onPointerEnter={prefetch}
      onFocus={prefetch}
      onClick={() => setOpened(true)}
      onKeyDown={(e) => {
        if (e.key === "ArrowDown") {
          e.preventDefault();
          setOpened(true);
        }
      }}
    />
  );
}
