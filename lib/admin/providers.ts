// Kept only for lib/upstream/egress.test.ts, which another branch is changing: the staff side of
// providers is lib/providers/staff-providers.ts. Point that test there and delete this file.
export { addProviderForAdmin, checkProviderForAdmin } from "@/lib/providers/staff-providers";
