// Which inputs the order form shows for each service type, read from the service-type table.
import { FIELD_LABELS, fieldUsesFor } from "@/lib/service-types/service-types";
import type { OrderField } from "@/lib/service-types/fields";

export type { OrderField };
export { FIELD_LABELS };

export function fieldsForService(service: { type: string; dripfeed: boolean }): OrderField[] {
  return fieldUsesFor(service).map((use) => use.field);
}
