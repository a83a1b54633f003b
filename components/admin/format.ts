// Display helpers for staff pages: the panel's one date formatter (UTC, so every staff member reads the same).
export { formatDateTime as formatWhen } from "@/lib/time/format";
