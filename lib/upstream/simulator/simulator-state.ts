// Everything the simulated panel remembers: catalog, reseller balance, orders, refills and
// product orders. Final outcomes are settled lazily against the clock, refunding the balance
// for Partial and Canceled orders the way real panels do.
import { Decimal } from "@/lib/money";
import { generateProducts, generateServices, type SimProduct, type SimService } from "./catalog";
import { createPrng, type Prng } from "./prng";
import { finalProductOutcome, type SimProductOrder } from "./product-orders";
import type { SimRefill } from "./refills";
import { finalAt, finalOutcome, type SimOrder } from "./service-orders";
import type { OtherCustomers } from "./other-customers";

export type SimulatorState = {
  seed: number;
  services: SimService[];
  servicesById: Map<number, SimService>;
  products: SimProduct[];
  productsById: Map<number, SimProduct>;
  orders: ReadonlyMap<number, SimOrder>;
  refills: ReadonlyMap<number, SimRefill>;
  productOrders: ReadonlyMap<number, SimProductOrder>;
  recordOrder(order: SimOrder): void;
  recordRefill(refill: SimRefill): void;
  recordProductOrder(order: SimProductOrder): void;
  balance: Decimal;
  orderIds: IdSequence;
  refillIds: IdSequence;
  productOrderIds: IdSequence;
  /** Applies every outcome that is due by `now`. */
  settle(now: number): void;
  /** Other customers taking ids between ours (other-customers.ts); null: none. */
  others: OtherCustomers | null;
  /** Grows with every change worth saving (see persistence.ts). */
  revision: number;
  touch(): void;
};

export type IdSequence = { next(): number; upcoming(): number; startAt(id: number): void };

/** Ids with gaps, like a panel that also serves other customers. */
function idSequence(prng: Prng, start: number, maxGap: number): IdSequence {
  let upcoming = start;
  return {
    next() {
      const id = upcoming;
      upcoming += prng.int(1, maxGap);
      return id;
    },
    upcoming: () => upcoming,
    startAt(id) {
      upcoming = id;
    },
  };
}

export function createSimulatorState(options: { seed: number; services: number; products: number; balance: Decimal }): SimulatorState {
  const { seed } = options;
  const ids = createPrng(seed, "ids");
  const services = generateServices(seed, options.services);
  const products = generateProducts(seed, options.products);
  const activeOrders = new Set<SimOrder>();
  const activeProductOrders = new Set<SimProductOrder>();
  const orders = new Map<number, SimOrder>();
  const refills = new Map<number, SimRefill>();
  const productOrders = new Map<number, SimProductOrder>();

  const state: SimulatorState = {
    seed,
    services,
    servicesById: new Map(services.map((service) => [service.id, service])),
    products,
    productsById: new Map(products.map((product) => [product.id, product])),
    orders,
    refills,
    productOrders,
    recordOrder(order) {
      orders.set(order.id, order);
      if (!order.settled) activeOrders.add(order);
      state.touch();
    },
    recordRefill(refill) {
      refills.set(refill.id, refill);
      state.touch();
    },
    recordProductOrder(order) {
      productOrders.set(order.id, order);
      if (!order.settled) activeProductOrders.add(order);
      state.touch();
    },
    balance: options.balance,
    orderIds: idSequence(ids, ids.int(20_000, 90_000), 3),
    refillIds: idSequence(ids, ids.int(100, 900), 2),
    productOrderIds: idSequence(ids, ids.int(5_000, 9_000), 2),
    settle(now) {
      for (const order of activeOrders) {
        if (finalAt(order) > now) continue;
        order.settled = finalOutcome(order);
        state.balance = state.balance.plus(order.charged.minus(order.settled.charge));
        activeOrders.delete(order);
        state.touch();
      }
      for (const order of activeProductOrders) {
        if (order.endsAt > now) continue;
        order.settled = finalProductOutcome(order);
        state.balance = state.balance.plus(order.charged.minus(order.settled.charge));
        activeProductOrders.delete(order);
        state.touch();
      }
    },
    others: null,
    revision: 0,
    touch() {
      state.revision += 1;
    },
  };
  return state;
}
