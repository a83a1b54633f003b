// Inputs of the staff catalog pages (services and products), as they arrive from forms and query
// strings (all text): which row, switching it on or off, and the list's filters.
import { z } from "zod";
import { chosenId, formFlag, lenientFilter, pageParam, yesNoFilter } from "@/lib/validation/form-fields";

export const ZCatalogKind = z.enum(["service", "product"]);
export type CatalogKind = z.infer<typeof ZCatalogKind>;

export const ZCatalogItemRef = z.object({ kind: ZCatalogKind, id: chosenId("row") });
export type CatalogItemRef = z.output<typeof ZCatalogItemRef>;

export const ZSetEnabledInput = ZCatalogItemRef.extend({ enabled: formFlag });
export type SetEnabledInput = z.output<typeof ZSetEnabledInput>;

export const ZCatalogFilters = z.object({
  providerId: lenientFilter(z.coerce.number().int().positive().max(2_147_483_647)),
  category: lenientFilter(z.string().trim().max(500)),
  search: lenientFilter(z.string().trim().max(200)),
  enabled: yesNoFilter,
  override: yesNoFilter,
  page: pageParam,
});
export type CatalogFilters = z.input<typeof ZCatalogFilters>;
