// What the customer navigation shows: only pages that exist and work. Add an entry when its page lands.
import type { NavItem } from "@/components/layout/nav-links";

export const customerNav: NavItem[] = [
  { href: "/dashboard", label: "Dashboard" },
  { href: "/new-order", label: "New order" },
  { href: "/orders", label: "Orders" },
  { href: "/services", label: "Services" },
  { href: "/products", label: "Products" },
  { href: "/updates", label: "Updates" },
  { href: "/funds", label: "Funds" },
  { href: "/funds/add", label: "Add funds" },
  { href: "/api-keys", label: "API" },
];
