// What the staff navigation shows: only pages that exist and work. Add an entry when its page lands.
import type { NavItem } from "@/components/layout/nav-links";

export const staffNav: NavItem[] = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/users", label: "Users" },
  { href: "/admin/orders", label: "Orders" },
  { href: "/admin/payments", label: "Payments" },
  { href: "/admin/affiliates", label: "Affiliates" },
  { href: "/admin/tickets", label: "Tickets" },
  { href: "/admin/content", label: "Content" },
  { href: "/admin/providers", label: "Providers" },
  { href: "/admin/services", label: "Services" },
  { href: "/admin/products", label: "Products" },
  { href: "/admin/pricing", label: "Pricing" },
  { href: "/admin/catalog-changes", label: "Catalog changes" },
  { href: "/admin/reports", label: "Reports" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/mail", label: "Email" },
  { href: "/admin/settings", label: "Settings" },
];
