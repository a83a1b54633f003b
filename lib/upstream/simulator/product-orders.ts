// Simulated product orders: Auto products deliver account lines from stock, Service products
// a confirmation code; both may end Partial (remains) or Canceled with note "Out of stock".
// What is delivered comes from the stock and the seed, or from the outcome a test scripted.
import { Decimal } from "@/lib/money";
import type { SimProduct } from "./catalog";
import { createPrng, type Prng } from "./prng";
import { scriptedDelivery, type ScriptedFate } from "./scripted-outcomes";
import type { FinalOrderStatus, OrderStatusText } from "./service-orders";

export type SimProductOrder = {
  id: number;
  product: SimProduct;
  quantity: number;
  require: string | null;
  charged: Decimal;
  createdAt: number;
  startsAt: number;
  endsAt: number;
  fate: FinalOrderStatus;
  /** What will have been delivered once final, one line per unit. */
  lines: string[];
  settled: { status: FinalOrderStatus; charge: Decimal; remains: number } | null;
};

export type ProductOrderView = {
  status: OrderStatusText;
  charge: Decimal;
  remains: number | null;
  note: string | null;
  lines: string[];
};

function accountLine(prng: Prng): string {
  const user = `${prng.pick(["user", "acc", "mail", "promo"])}${prng.int(100, 99_999)}@mail.test`;
  const password = Array.from({ length: 10 }, () => prng.pick([..."abcdefghjkmnpqrstuvwxyz23456789"])).join("");
  return `${user} | ${password} | ${prng.int(100_000, 999_999)}`;
}

function confirmationCode(prng: Prng): string {
  const hex = (length: number) => Array.from({ length }, () => prng.int(0, 15).toString(16)).join("");
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${prng.pick(["8", "9", "a", "b"])}${hex(3)}-${hex(12)}`;
}

/** Auto stock is taken at order time, so two orders cannot sell the same accounts. */
export function planProductOrder(args: {
  seed: number;
  id: number;
  product: SimProduct;
  quantity: number;
  require: string | null;
  now: number;
  scripted?: ScriptedFate | null;
}): SimProductOrder {
  const { seed, id, product, quantity, now } = args;
  const prng = createPrng(seed, "product-order", id);
  let deliverable: number;
  if (product.outOfStock) deliverable = 0;
  else if (product.inventory !== null) deliverable = Math.min(quantity, product.inventory);
  else {
    const roll = prng.next();
    deliverable = roll < 0.8 || quantity < 2 ? quantity : roll < 0.9 ? prng.int(1, quantity - 1) : 0;
  }
  if (args.scripted) deliverable = scriptedDelivery(args.scripted, quantity);
  if (product.inventory !== null) product.inventory = Math.max(0, product.inventory - deliverable);
  const fate: FinalOrderStatus = deliverable === quantity ? "Completed" : deliverable > 0 ? "Partial" : "Canceled";
  const line = product.type === "Auto" ? () => accountLine(prng) : () => confirmationCode(prng);
  const auto = product.type === "Auto";
  const startsAt = now + (auto ? 1 : prng.int(1, 5));
  return {
    id,
    product,
    quantity,
    require: args.require,
    charged: product.rate.times(quantity),
    createdAt: now,
    startsAt,
    endsAt: startsAt + (args.scripted?.minutes ?? (auto ? prng.int(1, 3) : prng.int(5, 60))),
    fate,
    lines: Array.from({ length: deliverable }, line),
    settled: null,
  };
}

export function finalProductOutcome(order: SimProductOrder): NonNullable<SimProductOrder["settled"]> {
  const delivered = order.lines.length;
  return { status: order.fate, charge: order.product.rate.times(delivered), remains: order.quantity - delivered };
}

export function viewProductOrder(order: SimProductOrder, now: number): ProductOrderView {
  if (order.settled) {
    const { status, charge, remains } = order.settled;
    return {
      status,
      charge,
      remains: status === "Partial" ? remains : null,
      note: status === "Canceled" ? "Out of stock" : null,
      lines: status === "Canceled" ? [] : order.lines,
    };
  }
  const status = now < order.startsAt ? "Pending" : "In progress";
  return { status, charge: order.charged, remains: null, note: null, lines: [] };
}
