// The simulated panel's other customers: before each of our `add`s, some of them place orders
// that take the ids between ours, as on a real panel. Their orders live here, not among ours, so
// `status` with our key answers "Incorrect order ID" for them — unless the panel is told to be
// broken and ignore the key, when it answers them as if they were ours (what the reconciler must
// catch). Some of them buy what we buy, so their charges can look like ours.
import { createPrng, type Prng } from "./prng";
import { planOrder, type SimOrder } from "./service-orders";
import type { SimService } from "./catalog";
import type { SimulatorState } from "./simulator-state";

export type OtherCustomersOption = {
  /** At most this many of their orders before each of ours (drawn 0…n from the seed). */
  ordersBetween: number;
  /** A broken panel: `status` answers their orders to our key too. */
  ignoreKey?: boolean;
};

export type OtherCustomers = {
  option: OtherCustomersOption;
  /** Their orders, by id. */
  orders: ReadonlyMap<number, SimOrder>;
  /** Called just before one of our orders takes its id: theirs take the ids first. */
  placeBefore(state: SimulatorState, now: number, ours: { service: SimService; units: number }): void;
  /** What `status` may answer to our key for an id that is not one of our orders. */
  answerFor(id: number): SimOrder | undefined;
};

export function createOtherCustomers(seed: number, option: OtherCustomersOption): OtherCustomers {
  const prng: Prng = createPrng(seed, "other-customers");
  const orders = new Map<number, SimOrder>();
  const others: OtherCustomers = {
    option,
    orders,
    placeBefore(state, now, ours) {
      const count = prng.int(0, Math.max(0, others.option.ordersBetween));
      for (let i = 0; i < count; i++) {
        // A third buy exactly what we are buying: a charge equal to ours, in the gap next to ours.
        const same = prng.chance(1 / 3);
        const service = same ? ours.service : prng.pick(state.services.filter((s) => s.type === "Default"));
        const units = same ? ours.units : Math.max(service.min, Math.min(service.max, service.min * prng.int(1, 3)));
        const id = state.orderIds.next();
        orders.set(id, planOrder({ seed: state.seed, id, service, link: `https://example.com/other/${id}`, quantity: units, runs: null, interval: null, fields: {}, now }));
      }
    },
    answerFor: (id) => (others.option.ignoreKey ? orders.get(id) : undefined),
  };
  return others;
}
