// A simulated service order's whole life is decided when it is placed (from the seed and its
// id, or from the outcome a test scripted for its link), then read off the clock:
// Pending → In progress → Completed | Partial | Canceled.
import { Decimal } from "@/lib/money";
import type { SimService } from "./catalog";
import { createPrng } from "./prng";
import { scriptedDelivery, type ScriptedFate } from "./scripted-outcomes";

export type FinalOrderStatus = "Completed" | "Partial" | "Canceled";
export type OrderStatusText = "Pending" | "In progress" | FinalOrderStatus;

export type SimOrder = {
  id: number;
  service: SimService;
  link: string | null;
  /** Units ordered in total (drip-feed: quantity × runs). */
  quantity: number;
  /** Form fields as received, for inspection in tests. */
  fields: Record<string, string>;
  charged: Decimal;
  createdAt: number;
  startsAt: number;
  endsAt: number;
  fate: FinalOrderStatus;
  /** Units delivered by the end; more than `quantity` on over-delivery. */
  delivered: number;
  startCount: number;
  cancelAt: number | null;
  settled: { status: FinalOrderStatus; charge: Decimal; remains: number } | null;
};

export type OrderView = { status: OrderStatusText; charge: Decimal; remains: number; startCount: number };

export function isPackageType(service: SimService): boolean {
  return service.type === "Package" || service.type === "Custom Comments Package";
}

/** Packages cost their rate; everything else is per 1000 units. */
export function chargeFor(service: SimService, units: number): Decimal {
  return isPackageType(service) ? service.rate : service.rate.times(units).dividedBy(1000);
}

export function planOrder(args: {
  seed: number;
  id: number;
  service: SimService;
  link: string | null;
  quantity: number;
  runs: number | null;
  interval: number | null;
  fields: Record<string, string>;
  now: number;
  /** A test's scripted outcome; the seed's draws are still made so later orders stay the same. */
  scripted?: ScriptedFate | null;
}): SimOrder {
  const { seed, id, service, quantity, now } = args;
  const prng = createPrng(seed, "order", id);
  const roll = prng.next();
  // Packages are all-or-nothing on real panels: they never end Partial.
  let fate: FinalOrderStatus = roll < 0.75 ? "Completed" : roll < 0.88 ? "Partial" : "Canceled";
  if (fate === "Partial" && (isPackageType(service) || quantity < 2)) fate = "Completed";
  const overDelivery = fate === "Completed" && !isPackageType(service) && prng.chance(0.2) ? prng.int(1, 5) : 0;
  let delivered = fate === "Completed" ? quantity + overDelivery : fate === "Partial" ? prng.int(1, quantity - 1) : 0;
  const startsAt = now + prng.int(1, 5);
  let working =
    args.runs && args.interval ? args.runs * args.interval : Math.min(120, 10 + Math.floor(quantity / 500)) + prng.int(0, 10);
  // Drawn only for a seeded cancel, as always, so that unscripted orders keep their start counts.
  const canceledAfter = fate === "Canceled" ? prng.int(1, 10) : 1;
  const { scripted } = args;
  if (scripted) {
    fate = scripted.fate;
    delivered = scriptedDelivery(scripted, quantity);
    if (scripted.minutes !== undefined) working = scripted.minutes;
  }
  return {
    id,
    service,
    link: args.link,
    quantity,
    fields: args.fields,
    charged: chargeFor(service, quantity),
    createdAt: now,
    startsAt,
    endsAt: fate === "Canceled" && scripted?.minutes === undefined ? startsAt + canceledAfter : startsAt + working,
    fate,
    delivered,
    startCount: prng.int(0, 50_000),
    cancelAt: null,
    settled: null,
  };
}

/** When the order stops changing; a requested cancel wins if it lands first. */
export function finalAt(order: SimOrder): number {
  return order.cancelAt !== null && order.cancelAt <= order.endsAt ? order.cancelAt : order.endsAt;
}

/** Partial orders are charged for what was delivered, as real panels do; Canceled for nothing. */
export function finalOutcome(order: SimOrder): NonNullable<SimOrder["settled"]> {
  if (order.cancelAt !== null && order.cancelAt <= order.endsAt) {
    return { status: "Canceled", charge: new Decimal(0), remains: order.quantity };
  }
  if (order.fate === "Canceled") return { status: "Canceled", charge: new Decimal(0), remains: order.quantity };
  if (order.fate === "Partial") {
    return { status: "Partial", charge: chargeFor(order.service, order.delivered), remains: order.quantity - order.delivered };
  }
  return { status: "Completed", charge: order.charged, remains: order.quantity - order.delivered };
}

export function viewOrder(order: SimOrder, now: number): OrderView {
  if (order.settled) return { ...order.settled, startCount: order.startCount };
  if (now < order.startsAt) return { status: "Pending", charge: order.charged, remains: order.quantity, startCount: 0 };
  const progress = Math.min(1, (now - order.startsAt) / Math.max(1, order.endsAt - order.startsAt));
  const deliveredSoFar = Math.min(order.quantity, Math.floor(order.delivered * progress));
  return { status: "In progress", charge: order.charged, remains: order.quantity - deliveredSoFar, startCount: order.startCount };
}
