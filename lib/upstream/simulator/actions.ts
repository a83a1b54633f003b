// The simulated panel's answers to every action of PROTOCOL.md, with its shapes and error
// texts. Output mixes strings and numbers the way real panels do (string money for services and
// statuses, bare numbers for products and batch ids).
import { Decimal } from "@/lib/money";
import { MAX_IDS_PER_REQUEST } from "../batches";
import { checkAdd } from "./add-validation";
import { rawNumber } from "./json-output";
import { createPrng } from "./prng";
import { planProductOrder, viewProductOrder, type SimProductOrder } from "./product-orders";
import { planRefill, viewRefill } from "./refills";
import { scriptedFate, type OutcomeScript, type ScriptedOutcome } from "./scripted-outcomes";
import { chargeFor, planOrder, viewOrder, type SimOrder } from "./service-orders";
import type { SimulatorState } from "./simulator-state";

/** `dropAnswer`: the work is done but the connection is closed instead of answering (a scripted lost answer). */
export type ActionAnswer = { httpStatus: number; body: unknown; dropAnswer?: boolean };

export const ERROR_TEXTS = {
  invalidKey: "Invalid API key",
  incorrectRequest: "Incorrect request",
  incorrectService: "Incorrect service ID",
  incorrectProduct: "Incorrect product ID",
  noFunds: "Not enough funds on balance",
  incorrectOrder: "Incorrect order ID",
  refillNotFound: "Refill not found",
  // Not in PROTOCOL.md's list; worded like the panels that have them.
  refillNotEligible: "Order not eligible for refill",
  cancelNotEligible: "Order not eligible for cancel",
} as const;

export const SIMULATED_ACTIONS = [
  "services",
  "add",
  "status",
  "refill",
  "refill_status",
  "cancel",
  "balance",
  "products",
  "add_product_order",
  "product_order_status",
  "result_product",
] as const;

const CURRENCY = "USD";

/** Money as panels print it: at least 5 decimals, more when the exact value needs them. */
function moneyText(amount: Decimal): string {
  return amount.toFixed(Math.max(5, amount.decimalPlaces()));
}

const refusal = (error: string): ActionAnswer => ({ httpStatus: 200, body: { error } });
const answer = (body: unknown): ActionAnswer => ({ httpStatus: 200, body });

function parseId(text: string | null): number | null {
  const trimmed = text?.trim() ?? "";
  return /^\d{1,15}$/.test(trimmed) ? Number(trimmed) : null;
}

/** "1,2,3" → ["1","2","3"]; null when empty or over the 100-id cap. */
function parseIdList(text: string | null): string[] | null {
  const ids = (text ?? "").split(",").map((id) => id.trim()).filter((id) => id !== "");
  return ids.length === 0 || ids.length > MAX_IDS_PER_REQUEST ? null : ids;
}

/** Batch items echo the id as a number when it is one, like the protocol examples. */
const echoId = (id: string) => (/^\d{1,15}$/.test(id) ? Number(id) : id);

export function answerRequest(state: SimulatorState, apiKey: string, now: number, params: URLSearchParams, script?: OutcomeScript): ActionAnswer {
  if (params.get("key") !== apiKey) return refusal(ERROR_TEXTS.invalidKey);
  state.settle(now);
  const handlers: Record<string, () => ActionAnswer> = {
    services: () => answer(state.services.map(serviceJson)),
    add: () => placeOrder(state, now, params, script),
    status: () => orderStatus(state, now, params),
    refill: () => requestRefill(state, now, params),
    refill_status: () => refillStatus(state, now, params),
    cancel: () => requestCancel(state, now, params),
    balance: () => answer({ balance: moneyText(state.balance), currency: CURRENCY }),
    products: () => answer(state.products.map(productJson)),
    add_product_order: () => placeProductOrder(state, now, params, script),
    product_order_status: () => productOrderStatus(state, now, params),
    result_product: () => resultProduct(state, now, params),
  };
  const handler = handlers[params.get("action") ?? ""];
  return handler ? handler() : refusal(ERROR_TEXTS.incorrectRequest);
}

function serviceJson(service: SimulatorState["services"][number]) {
  return {
    service: service.id,
    name: service.name,
    type: service.type,
    category: service.category,
    rate: service.rate.toString(),
    min: String(service.min),
    max: String(service.max),
    refill: service.refill,
    cancel: service.cancel,
    dripfeed: service.dripfeed,
    ...(service.description ? { description: service.description } : {}),
  };
}

function productJson(product: SimulatorState["products"][number]) {
  const inStock = !product.outOfStock && (product.inventory === null || product.inventory > 0);
  return {
    product: product.id,
    name: product.name,
    ...(product.require ? { require: product.require } : {}),
    rate: rawNumber(product.rate.toString()),
    min: rawNumber(String(product.min)),
    max: rawNumber(String(product.max)),
    category: product.category,
    status: inStock ? "In stock" : "Out of stock",
    ...(product.inventory !== null ? { inventory: rawNumber(String(product.inventory)) } : {}),
    type: product.type,
  };
}

/** A scripted fail-add refuses; any other scripted outcome plans the order and may lose its answer. */
function scriptedAnswer(outcome: ScriptedOutcome | null, place: (fate: ReturnType<typeof scriptedFate>) => ActionAnswer): ActionAnswer {
  if (outcome?.type === "fail-add") return refusal(outcome.message ?? ERROR_TEXTS.incorrectRequest);
  const placed = place(outcome ? scriptedFate(outcome) : null);
  return outcome?.type === "lost-answer" ? { ...placed, dropAnswer: true } : placed;
}

function placeOrder(state: SimulatorState, now: number, params: URLSearchParams, script?: OutcomeScript): ActionAnswer {
  const serviceText = params.get("service");
  if (!serviceText) return refusal(ERROR_TEXTS.incorrectRequest);
  const service = state.servicesById.get(parseId(serviceText) ?? -1);
  if (!service) return refusal(ERROR_TEXTS.incorrectService);
  const checked = checkAdd(service, params);
  if (!checked.ok) return refusal(checked.error);
  const { link, units, runs, interval } = checked.add;
  if (chargeFor(service, units).gt(state.balance)) return refusal(ERROR_TEXTS.noFunds);
  const fields = Object.fromEntries([...params].filter(([name]) => name !== "key"));
  state.others?.placeBefore(state, now, { service, units });
  const outcome = link !== null ? (script?.take({ link }) ?? null) : null;
  return scriptedAnswer(outcome, (scripted) => {
    const order = planOrder({ seed: state.seed, id: state.orderIds.next(), service, link, quantity: units, runs, interval, fields, now, scripted });
    state.balance = state.balance.minus(order.charged);
    state.recordOrder(order);
    return answer({ order: order.id });
  });
}

function orderStatusJson(order: SimOrder, now: number) {
  const view = viewOrder(order, now);
  return {
    charge: moneyText(view.charge),
    start_count: String(view.startCount),
    status: view.status,
    remains: String(view.remains),
    currency: CURRENCY,
  };
}

function orderStatus(state: SimulatorState, now: number, params: URLSearchParams): ActionAnswer {
  if (params.has("orders")) {
    const ids = parseIdList(params.get("orders"));
    if (!ids) return refusal(ERROR_TEXTS.incorrectRequest);
    const order = (id: string) => ownOrder(state, parseId(id) ?? -1);
    return answer(Object.fromEntries(ids.map((id) => [id, mapOr(order(id), (found) => orderStatusJson(found, now))])));
  }
  const order = ownOrder(state, parseId(params.get("order")) ?? -1);
  return order ? answer(orderStatusJson(order, now)) : refusal(ERROR_TEXTS.incorrectOrder);
}

/** Only orders created with the asking key answer (other customers' too on a panel told to ignore the key). */
function ownOrder(state: SimulatorState, id: number): SimOrder | undefined {
  return state.orders.get(id) ?? state.others?.answerFor(id);
}

function mapOr<T>(found: T | undefined, toJson: (found: T) => unknown, error: string = ERROR_TEXTS.incorrectOrder): unknown {
  return found ? toJson(found) : { error };
}

/** Only finished orders of refill-enabled services can be refilled. */
function createRefill(state: SimulatorState, now: number, orderId: string): { refill: number } | { error: string } {
  const order = state.orders.get(parseId(orderId) ?? -1);
  if (!order) return { error: ERROR_TEXTS.incorrectOrder };
  const finished = order.settled?.status === "Completed" || order.settled?.status === "Partial";
  if (!order.service.refill || !finished) return { error: ERROR_TEXTS.refillNotEligible };
  const refill = planRefill(state.seed, state.refillIds.next(), order.id, now);
  state.recordRefill(refill);
  return { refill: refill.id };
}

function requestRefill(state: SimulatorState, now: number, params: URLSearchParams): ActionAnswer {
  if (params.has("orders")) {
    const ids = parseIdList(params.get("orders"));
    if (!ids) return refusal(ERROR_TEXTS.incorrectRequest);
    return answer(
      ids.map((id) => {
        const created = createRefill(state, now, id);
        return { order: echoId(id), refill: "error" in created ? created : created.refill };
      }),
    );
  }
  const created = createRefill(state, now, params.get("order") ?? "");
  return "error" in created ? refusal(created.error) : answer({ refill: String(created.refill) });
}

function refillStatus(state: SimulatorState, now: number, params: URLSearchParams): ActionAnswer {
  if (params.has("refills")) {
    const ids = parseIdList(params.get("refills"));
    if (!ids) return refusal(ERROR_TEXTS.incorrectRequest);
    return answer(
      ids.map((id) => {
        const refill = state.refills.get(parseId(id) ?? -1);
        return { refill: echoId(id), status: refill ? viewRefill(refill, now) : { error: ERROR_TEXTS.refillNotFound } };
      }),
    );
  }
  const refill = state.refills.get(parseId(params.get("refill")) ?? -1);
  return refill ? answer({ status: viewRefill(refill, now) }) : refusal(ERROR_TEXTS.refillNotFound);
}

/** A requested cancel lands a few minutes later, unless the order finishes first. */
function requestCancel(state: SimulatorState, now: number, params: URLSearchParams): ActionAnswer {
  const ids = parseIdList(params.get("orders") ?? params.get("order"));
  if (!ids) return refusal(ERROR_TEXTS.incorrectRequest);
  return answer(
    ids.map((id) => {
      const order = state.orders.get(parseId(id) ?? -1);
      if (!order) return { order: echoId(id), cancel: { error: ERROR_TEXTS.incorrectOrder } };
      if (!order.service.cancel || order.settled || order.cancelAt !== null) {
        return { order: echoId(id), cancel: { error: ERROR_TEXTS.cancelNotEligible } };
      }
      order.cancelAt = now + createPrng(state.seed, "cancel", order.id).int(1, 3);
      state.touch();
      return { order: echoId(id), cancel: 1 };
    }),
  );
}

function placeProductOrder(state: SimulatorState, now: number, params: URLSearchParams, script?: OutcomeScript): ActionAnswer {
  const productText = params.get("product");
  const quantity = parseId(params.get("quantity"));
  if (!productText || quantity === null) return refusal(ERROR_TEXTS.incorrectRequest);
  const product = state.productsById.get(parseId(productText) ?? -1);
  if (!product) return refusal(ERROR_TEXTS.incorrectProduct);
  if (quantity < product.min) return refusal(`Quantity less than minimal ${product.min}`);
  if (quantity > product.max) return refusal(`Quantity more than maximum ${product.max}`);
  const require = params.get("require")?.trim() || null;
  if (product.require && !require) return refusal(ERROR_TEXTS.incorrectRequest);
  if (product.rate.times(quantity).gt(state.balance)) return refusal(ERROR_TEXTS.noFunds);
  return scriptedAnswer(script?.take({ product: product.id }) ?? null, (scripted) => {
    const order = planProductOrder({ seed: state.seed, id: state.productOrderIds.next(), product, quantity, require, now, scripted });
    state.balance = state.balance.minus(order.charged);
    state.recordProductOrder(order);
    return answer({ order: order.id });
  });
}

function productOrderJson(order: SimProductOrder, now: number) {
  const view = viewProductOrder(order, now);
  return {
    charge: rawNumber(view.charge.toString()),
    status: view.status,
    ...(view.lines.length > 0 ? { result: view.lines.join("\n") } : {}),
    ...(view.remains !== null ? { remains: rawNumber(String(view.remains)) } : {}),
    ...(view.note ? { note: view.note } : {}),
  };
}

function productOrderStatus(state: SimulatorState, now: number, params: URLSearchParams): ActionAnswer {
  if (params.has("orders")) {
    const ids = parseIdList(params.get("orders"));
    if (!ids) return refusal(ERROR_TEXTS.incorrectRequest);
    const order = (id: string) => state.productOrders.get(parseId(id) ?? -1);
    return answer(Object.fromEntries(ids.map((id) => [id, mapOr(order(id), (found) => productOrderJson(found, now))])));
  }
  const order = state.productOrders.get(parseId(params.get("order")) ?? -1);
  return order ? answer(productOrderJson(order, now)) : refusal(ERROR_TEXTS.incorrectOrder);
}

function resultProduct(state: SimulatorState, now: number, params: URLSearchParams): ActionAnswer {
  const order = state.productOrders.get(parseId(params.get("order")) ?? -1);
  return order ? answer({ result: viewProductOrder(order, now).lines }) : refusal(ERROR_TEXTS.incorrectOrder);
}
