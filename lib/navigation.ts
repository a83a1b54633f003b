// What the customer navigation shows: only pages that exist and work. Add an entry when its page lands.
import type { NavItem } from "@/components/layout/nav-links";

/** Where "Contact support" leads: a new ticket (lib/tickets). Links may add ?kind=…&orders=…&payment=… to prefill it. */
export const SUPPORT_HREF = "/tickets/new";

export const customerNav: NavItem[] = [
  { href: "/dashboard", label: "Dashboard" },
  { href: "/new-order", label: "New order" },
  { href: "/mass-order", label: "Mass order" },
  { href: "/orders", label: "Orders" },
  { href: "/services", label: "Services" },
  { href: "/products", label: "Products" },
  { href: "/updates", label: "Updates" },
  { href: "/funds", label: "Funds" },
  { href: "/funds/add", label: "Add funds" },
  { href: "/affiliates", label: "Affiliates" },
  { href: "/api-keys", label: "API" },
];
