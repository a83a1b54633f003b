// The last guard before money moves: an order whose charge is not positive is refused, with a
// code callers can test (the database refuses such an order too: Order_charge_positive).
import type { Decimal } from "@/lib/money";
import { fail, type Failure } from "@/lib/result";

export const CHARGE_NOT_POSITIVE = "charge_not_positive" as const;

export function nonPositiveChargeRefusal(charge: Decimal): Failure | null {
  if (charge.gt(0)) return null;
  return fail(CHARGE_NOT_POSITIVE, "This item cannot be ordered right now (its price is not positive). Nothing was charged.");
}
