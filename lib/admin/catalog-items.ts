// Kept only for the staff orders page (app/(admin)/admin/orders), which another branch is changing:
// the staff catalog is lib/catalog/staff-catalog.ts, the provider names lib/providers/staff-providers.ts.
// Point that page there and delete this file.
export { listProviderNames } from "@/lib/providers/staff-providers";
