"use client";
// The phone navigation's "Menu" button, one look for both of its lives: the plain button the page
// loads with, and the Radix trigger it becomes once the menu's code is loaded (mobile-nav.tsx).
import { forwardRef, type ComponentPropsWithoutRef } from "react";

export const MenuButton = forwardRef<HTMLButtonElement, ComponentPropsWithoutRef<"button">>(function MenuButton(props, ref) {
  return (
    <button
      ref={ref}
      type="button"
      aria-haspopup="menu"
      className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 md:hidden"
      data-testid="mobile-menu"
      {...props}
    >
      Menu
    </button>
  );
});
