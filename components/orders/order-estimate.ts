// The new-order form's live price: the same schema and rules the server applies, run on what is
// typed. Its own module because those bring zod and the service-type rules (a third of the order
// page's JS): the form loads it once a service is chosen, after the page is already usable.
import { ZPlaceOrderInput } from "@/lib/orders/schemas";
import { serviceOrderCharge, validateServiceOrder } from "@/lib/orders/service-order-rules";
import type { ServiceDetails } from "@/lib/storefront/service-search";

/** The charge as an exact decimal string, or null while the fields would be refused. */
export function estimateCharge(service: ServiceDetails, values: Record<string, string>): string | null {
  const parsed = ZPlaceOrderInput.safeParse({ ...values, serviceId: service.id });
  if (!parsed.success) return null;
  const checked = validateServiceOrder(service, parsed.data);
  if (!checked.ok) return null;
  return serviceOrderCharge(service.sellRate, checked.order).toString();
}
