// Keeps a simulator's orders, refills, balance and clock in a JSON file, so a demo panel whose
// database remembers upstream order ids finds them again after a restart. The catalog is not
// stored: it is regenerated from the seed, so a file written with another seed or catalog size
// is set aside rather than half-applied.
import fs from "node:fs";
import path from "node:path";
import { Decimal, parseDecimal } from "@/lib/money";
import type { SimProductOrder } from "./product-orders";
import type { SimRefill } from "./refills";
import type { SimOrder } from "./service-orders";
import type { SimulatorState } from "./simulator-state";

const FORMAT_VERSION = 1;

type Settled = { status: SimOrder["fate"]; charge: string; remains: number } | null;

type SavedState = {
  version: number;
  seed: number;
  services: number;
  products: number;
  now: number;
  balance: string;
  nextIds: { order: number; refill: number; productOrder: number };
  inventories: Record<string, number | null>;
  orders: Array<Omit<SimOrder, "service" | "charged" | "settled"> & { service: number; charged: string; settled: Settled }>;
  refills: SimRefill[];
  productOrders: Array<Omit<SimProductOrder, "product" | "charged" | "settled"> & { product: number; charged: string; settled: Settled }>;
};

const savedSettled = (settled: SimOrder["settled"]): Settled => (settled ? { ...settled, charge: settled.charge.toString() } : null);
const loadedSettled = (settled: Settled): SimOrder["settled"] => (settled ? { ...settled, charge: exact(settled.charge) } : null);

function exact(text: string): Decimal {
  const amount = parseDecimal(text);
  if (!amount) throw new Error(`not a decimal: ${text}`);
  return amount;
}

export function saveState(file: string, state: SimulatorState, now: number): void {
  const saved: SavedState = {
    version: FORMAT_VERSION,
    seed: state.seed,
    services: state.services.length,
    products: state.products.length,
    now,
    balance: state.balance.toString(),
    nextIds: { order: state.orderIds.upcoming(), refill: state.refillIds.upcoming(), productOrder: state.productOrderIds.upcoming() },
    inventories: Object.fromEntries(state.products.map((product) => [product.id, product.inventory])),
    orders: [...state.orders.values()].map((order) => ({
      ...order,
      service: order.service.id,
      charged: order.charged.toString(),
      settled: savedSettled(order.settled),
    })),
    refills: [...state.refills.values()],
    productOrders: [...state.productOrders.values()].map((order) => ({
      ...order,
      product: order.product.id,
      charged: order.charged.toString(),
      settled: savedSettled(order.settled),
    })),
  };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Write then rename, so a crash mid-write never leaves half a file behind.
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(saved));
  fs.renameSync(temporary, file);
}

/**
 * Applies a saved file to a freshly generated state. Returns the simulated time to resume
 * from, or null (with the reason) when there is no usable file.
 */
export function restoreState(file: string, state: SimulatorState): { now: number } | { skipped: string } {
  if (!fs.existsSync(file)) return { skipped: "no saved state yet" };
  let saved: SavedState;
  try {
    saved = JSON.parse(fs.readFileSync(file, "utf8")) as SavedState;
  } catch (error) {
    return { skipped: `unreadable state file (${error instanceof Error ? error.message : String(error)})` };
  }
  if (saved.version !== FORMAT_VERSION || saved.seed !== state.seed || saved.services !== state.services.length || saved.products !== state.products.length) {
    return { skipped: "state file was written for another seed or catalog size" };
  }
  state.balance = exact(saved.balance);
  for (const product of state.products) product.inventory = saved.inventories[product.id] ?? product.inventory;
  for (const order of saved.orders) {
    const service = state.servicesById.get(order.service);
    if (!service) continue;
    state.recordOrder({ ...order, service, charged: exact(order.charged), settled: loadedSettled(order.settled) });
  }
  for (const refill of saved.refills) state.recordRefill(refill);
  for (const order of saved.productOrders) {
    const product = state.productsById.get(order.product);
    if (!product) continue;
    state.recordProductOrder({ ...order, product, charged: exact(order.charged), settled: loadedSettled(order.settled) });
  }
  state.orderIds.startAt(saved.nextIds.order);
  state.refillIds.startAt(saved.nextIds.refill);
  state.productOrderIds.startAt(saved.nextIds.productOrder);
  return { now: saved.now };
}
