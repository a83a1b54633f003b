// Inputs of the staff orders page and its actions, as they arrive from forms and query strings (all
// text). The other staff inputs live with their feature (lib/catalog, lib/pricing, lib/providers, lib/users).
import { z } from "zod";
import { ORDER_STATES } from "@/lib/orders/state-machine";
import { chosenId, lenientFilter as lenient, pageParam as page, yesNoFilter } from "@/lib/validation/form-fields";

export { ORDER_STATES };

/** A UTC calendar day, YYYY-MM-DD, as a date input sends it. */
const utcDay = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/).refine((text) => !Number.isNaN(Date.parse(`${text}T00:00:00Z`)));

export const ZOrderFilters = z.object({
  /** Our order id (#123), the upstream's order id, part of the link or of the customer's email. */
  q: lenient(z.string().trim().max(500)),
  state: lenient(z.enum(ORDER_STATES)),
  email: lenient(z.string().trim().toLowerCase().max(254)),
  providerId: lenient(z.coerce.number().int().positive().max(2_147_483_647)),
  serviceId: lenient(z.coerce.number().int().positive().max(2_147_483_647)),
  from: lenient(utcDay),
  to: lenient(utcDay),
  flagged: yesNoFilter,
  page,
});
export type OrderFilters = z.input<typeof ZOrderFilters>;

const orderId = chosenId("order");
export const ZResolveOrderInput = z.discriminatedUnion("outcome", [
  z.object({
    outcome: z.literal("placed"),
    orderId,
    upstreamId: z
      .string({ error: "Give the provider's order id." })
      .trim()
      .min(1, "Give the provider's order id.")
      .regex(/^[A-Za-z0-9_-]{1,100}$/, "Letters, digits, - and _ only, as the provider shows it."),
  }),
  z.object({ outcome: z.literal("failed"), orderId }),
]);
export type ResolveOrderInput = z.output<typeof ZResolveOrderInput>;

