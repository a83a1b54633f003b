// What the customer navigation shows: only pages that exist and work. Add an entry when its page lands.
import type { NavItem } from "@/components/layout/nav-links";

export const customerNav: NavItem[] = [{ href: "/dashboard", label: "Dashboard" }];
