// What the customer navigation shows: only pages that exist and work. Add an entry when its page lands.
import type { NavItem } from "@/components/layout/nav-links";

/**
 * Where "Contact support" leads. There is no support page yet (tickets are being built at
 * /tickets): until it lands this is the account page, which shows the email the operator has
 * for the customer. One constant, so that the tickets page replaces every link at once.
 */
export const SUPPORT_HREF = "/account";

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
  { href: "/api-keys", label: "API" },
];
