// What a service order costs once the service-type table's rules (lib/service-types) accept it,
// and how its stored params become the `add` request again. The billed quantity is what the
// charge and a later Partial refund are computed on.
import { type Decimal, serviceCharge, roundCharge } from "@/lib/money";
import type { AddOrderInput } from "@/lib/upstream/add-order-input";
import type { ServiceOrderParams, ValidatedServiceOrder } from "@/lib/service-types/validate-order";

export { validateServiceOrder } from "@/lib/service-types/validate-order";
export type { RuleResult, ServiceForOrder, ServiceOrderParams, ValidatedServiceOrder } from "@/lib/service-types/validate-order";

/** The customer's charge for a validated order at the service's sell rate (per 1000, or per package). */
export function serviceOrderCharge(sellRate: Decimal | string, order: Pick<ValidatedServiceOrder, "quantity" | "flatPrice">): Decimal {
  return order.flatPrice ? roundCharge(sellRate) : serviceCharge(sellRate, order.quantity);
}

/** The `add` input for a stored order. */
export function addInputFor(upstreamServiceId: string, params: ServiceOrderParams): AddOrderInput {
  return { ...params, service: upstreamServiceId } as AddOrderInput;
}
