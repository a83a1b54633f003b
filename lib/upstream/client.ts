// The upstream panel client. Every method answers with an UpstreamResult and never throws for
// anything the upstream or the network does; the API key never leaves in a message.
import type { z } from "zod";
import { addOrderFields, type AddOrderInput } from "./add-order-input";
import {
  parseCancelBatch,
  parseCreatedRefill,
  parseOrderStatusBatch,
  parseProductOrderStatusBatch,
  parseRefillBatch,
  parseRefillStatus,
  parseRefillStatusBatch,
} from "./batch-answers";
import { runKeyedBatch, runListBatch } from "./batches";
import { readServiceListFast } from "./fast-readers";
import { interpretUpstreamAnswer } from "./response";
import { parseAnswer, zBalance, zCreatedOrder, zOrderStatus, zProductList, zProductOrderStatus, zResultProduct, zServiceList } from "./schemas";
import { buildFormBody, exchangeForm, scrubSecret, type FormFields } from "./transport";
import type {
  Balance,
  BatchItemError,
  CancelBatchItem,
  CreatedOrder,
  CreatedRefill,
  OrderStatus,
  ProductListing,
  ProductOrderStatus,
  RefillBatchItem,
  RefillStatus,
  RefillStatusBatchItem,
  ServiceListing,
  UpstreamResult,
} from "./types";
import type { EgressPolicy } from "./egress";

export type UpstreamClientOptions = {
  /** The full API URL, e.g. `https://panel.example/api/v2`. */
  url: string;
  key: string;
  /** Per attempt, covering connect, headers and body. */
  timeoutMs?: number;
  /** Extra attempts for read-only actions after an indeterminate failure. */
  readRetries?: number;
  fetchImpl?: typeof fetch;
  /** Where requests may go and how big an answer may be (default: from the environment, egress.ts). */
  egress?: EgressPolicy;
  /** First backoff between read attempts; doubles each time. */
  retryDelayMs?: number;
  /** Cap on any wait between attempts, including a 429's Retry-After. */
  maxRetryDelayMs?: number;
  /** How to wait between attempts (default: a timer); tests pass one that records the waits. */
  sleep?: (ms: number) => Promise<void>;
};

export type ProductOrderInput = { product: string | number; quantity: number; require?: string };

type Id = string | number;
type Ids = ReadonlyArray<Id>;

export type UpstreamClient = {
  services(): Promise<UpstreamResult<ServiceListing[]>>;
  add(input: AddOrderInput): Promise<UpstreamResult<CreatedOrder>>;
  status(order: Id): Promise<UpstreamResult<OrderStatus>>;
  statuses(orders: Ids): Promise<UpstreamResult<Map<string, OrderStatus | BatchItemError>>>;
  refill(order: Id): Promise<UpstreamResult<CreatedRefill>>;
  refills(orders: Ids): Promise<UpstreamResult<RefillBatchItem[]>>;
  refillStatus(refill: Id): Promise<UpstreamResult<RefillStatus>>;
  refillStatuses(refills: Ids): Promise<UpstreamResult<RefillStatusBatchItem[]>>;
  cancel(orders: Ids): Promise<UpstreamResult<CancelBatchItem[]>>;
  balance(): Promise<UpstreamResult<Balance>>;
  products(): Promise<UpstreamResult<ProductListing[]>>;
  addProductOrder(input: ProductOrderInput): Promise<UpstreamResult<CreatedOrder>>;
  productOrderStatus(order: Id): Promise<UpstreamResult<ProductOrderStatus>>;
  productOrderStatuses(orders: Ids): Promise<UpstreamResult<Map<string, ProductOrderStatus | BatchItemError>>>;
  resultProduct(order: Id): Promise<UpstreamResult<string[]>>;
};

/**
 * "read" actions may be repeated after an indeterminate failure; "create" actions (add,
 * add_product_order, refill, cancel) never are: there is no idempotency key, and a lost
 * answer may mean the thing exists.
 */
type CallPolicy = "read" | "create";

const timerSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createUpstreamClient(options: UpstreamClientOptions): UpstreamClient {
  const { url, key, timeoutMs = 15_000, readRetries = 2, retryDelayMs = 100, maxRetryDelayMs = 5_000 } = options;
  const { fetchImpl, egress, sleep = timerSleep } = options;

  async function attempt<T>(action: string, fields: FormFields, parse: (json: unknown) => UpstreamResult<T>) {
    const outcome = await exchangeForm({ url, body: buildFormBody(key, action, fields), timeoutMs, fetchImpl, egress, action });
    if (!outcome.ok) return { result: outcome, retryAfterMs: null };
    const answer = interpretUpstreamAnswer(outcome.answer, action, key);
    const result = answer.ok ? parse(answer.value) : answer;
    return { result, retryAfterMs: outcome.answer.httpStatus === 429 ? outcome.answer.retryAfterMs : null };
  }

  async function call<T>(
    action: string,
    fields: FormFields,
    parse: (json: unknown) => UpstreamResult<T>,
    policy: CallPolicy,
  ): Promise<UpstreamResult<T>> {
    const attempts = policy === "read" ? Math.max(0, readRetries) + 1 : 1;
    let result: UpstreamResult<T> = { ok: false, kind: "indeterminate", message: `${action}: not attempted` };
    try {
      for (let index = 0; index < attempts; index++) {
        const { result: latest, retryAfterMs } = await attempt(action, fields, parse);
        result = latest;
        if (result.ok || result.kind === "definite" || index === attempts - 1) break;
        await sleep(Math.min(retryAfterMs ?? retryDelayMs * 2 ** index, maxRetryDelayMs));
      }
    } catch (error) {
      // Only a bug of ours gets here; it still must not escape with the key in it.
      result = { ok: false, kind: "indeterminate", message: `${action}: ${error instanceof Error ? error.message : String(error)}` };
    }
    return result.ok ? result : { ...result, message: scrubSecret(result.message, key) };
  }

  const withSchema =
    <T>(schema: z.ZodType<T>, action: string) =>
    (json: unknown) =>
      parseAnswer(schema, json, action);

  return {
    services: () =>
      call("services", {}, (json) => {
        const listings = readServiceListFast(json);
        return listings ? { ok: true, value: listings } : parseAnswer(zServiceList, json, "services");
      }, "read"),

    async add(input) {
      const built = addOrderFields(input);
      if (!built.ok) return { ok: false, kind: "definite", message: `add not sent: ${built.message}` };
      return call("add", built.fields, withSchema(zCreatedOrder, "add"), "create");
    },

    status: (order) => call("status", { order: String(order) }, withSchema(zOrderStatus, "status"), "read"),

    statuses: (orders) =>
      runKeyedBatch(orders, (chunk) => call("status", { orders: chunk.join(",") }, (json) => parseOrderStatusBatch(json), "read")),

    refill: (order) => call("refill", { order: String(order) }, (json) => parseCreatedRefill(json), "create"),

    refills: (orders) =>
      runListBatch(
        orders,
        (chunk) => call("refill", { orders: chunk.join(",") }, (json) => parseRefillBatch(json, chunk), "create"),
        (order, failure): RefillBatchItem => ({ order, ...failure }),
      ),

    refillStatus: (refill) => call("refill_status", { refill: String(refill) }, (json) => parseRefillStatus(json), "read"),

    refillStatuses: (refills) =>
      runListBatch(
        refills,
        (chunk) => call("refill_status", { refills: chunk.join(",") }, (json) => parseRefillStatusBatch(json), "read"),
        (refill, failure): RefillStatusBatchItem => ({ refill, ...failure }),
      ),

    cancel: (orders) =>
      runListBatch(
        orders,
        (chunk) => call("cancel", { orders: chunk.join(",") }, (json) => parseCancelBatch(json), "create"),
        (order, failure): CancelBatchItem => ({ order, ...failure }),
      ),

    balance: () => call("balance", {}, withSchema(zBalance, "balance"), "read"),

    products: () => call("products", {}, withSchema(zProductList, "products"), "read"),

    addProductOrder: ({ product, quantity, require }) => {
      if (!Number.isSafeInteger(quantity) || quantity < 0) {
        return Promise.resolve({ ok: false, kind: "definite", message: "add_product_order not sent: quantity must be a whole number ≥ 0" });
      }
      return call("add_product_order", { product: String(product), quantity, require }, withSchema(zCreatedOrder, "add_product_order"), "create");
    },

    productOrderStatus: (order) =>
      call("product_order_status", { order: String(order) }, withSchema(zProductOrderStatus, "product_order_status"), "read"),

    productOrderStatuses: (orders) =>
      runKeyedBatch(orders, (chunk) =>
        call("product_order_status", { orders: chunk.join(",") }, (json) => parseProductOrderStatusBatch(json), "read"),
      ),

    resultProduct: (order) =>
      call("result_product", { order: String(order) }, (json) => {
        const parsed = parseAnswer(zResultProduct, json, "result_product");
        return parsed.ok ? { ok: true, value: parsed.value.result } : parsed;
      }, "read"),
  };
}
