// A real HTTP server speaking the panel protocol, for tests (manual clock, in-process) and for
// demos (`scripts/simulator.ts`, realtime clock). Faults can be switched on per action at run time.
// Orders' fates are drawn from the seed unless a test scripted the outcome of the next orders of a
// link or product (scripted-outcomes.ts), on the handle or over HTTP at /sim/* (script-routes.ts).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { parseDecimal } from "@/lib/money";
import { answerRequest, SIMULATED_ACTIONS } from "./actions";
import type { SimProduct, SimService } from "./catalog";
import { createClock, type ClockOption } from "./clock";
import { createFaultTable, faultPerformsAction, type Fault, type FaultKind } from "./faults";
import { toJsonText } from "./json-output";
import { restoreState, saveState } from "./persistence";
import { createPrng } from "./prng";
import { viewProductOrder } from "./product-orders";
import { viewRefill } from "./refills";
import { answerScriptRequest, setStock } from "./script-routes";
import { createOutcomeScript, type ScriptedOutcome, type ScriptTarget } from "./scripted-outcomes";
import { viewOrder } from "./service-orders";
import { createSimulatorState } from "./simulator-state";
import { createOtherCustomers, type OtherCustomersOption } from "./other-customers";

export type SimulatorOptions = {
  port?: number;
  host?: string;
  seed?: number;
  services?: number;
  products?: number;
  apiKey?: string;
  /** The reseller's starting balance at this panel, exact decimal text. */
  balance?: string;
  clock?: ClockOption;
  /**
   * JSON file that keeps orders, refills, balance and simulated time across restarts (for the
   * demo, whose database remembers upstream ids). Without it the simulator starts empty.
   */
  statePath?: string;
  /** Other customers whose orders take ids between ours (not kept in statePath). */
  otherCustomers?: OtherCustomersOption;
};

export type SimulatedOrder = {
  id: string;
  service: string;
  type: string;
  link: string | null;
  quantity: number;
  fields: Record<string, string>;
  status: string;
  charge: string;
  remains: number;
  startCount: number;
};

export type SimulatedProductOrder = { id: string; product: string; quantity: number; status: string; charge: string; lines: string[] };
export type SimulatedRefill = { id: string; order: string; status: string };

export type SimulatorHandle = {
  /** Full API URL, e.g. http://127.0.0.1:4010/api/v2 */
  url: string;
  port: number;
  apiKey: string;
  close(): Promise<void>;
  setFault(action: string, fault: Fault | null): void;
  clearFaults(): void;
  /** Moves simulated time forward (also on a realtime clock). */
  advance(minutes: number): void;
  now(): number;
  /** Requests received per action (including faulted and refused ones). */
  counts: Readonly<Record<string, number>>;
  /** The fields (without the key) of the latest request for an action. */
  lastRequest(action: string): Record<string, string> | null;
  orders(): SimulatedOrder[];
  productOrders(): SimulatedProductOrder[];
  refills(): SimulatedRefill[];
  catalog(): { services: readonly SimService[]; products: readonly SimProduct[] };
  setBalance(amount: string): void;
  balance(): string;
  /** Other customers from now on (null: none; their orders so far stay); ignoreKey makes a broken panel. */
  setOtherCustomers(option: OtherCustomersOption | null): void;
  /** Queues outcomes for the next orders of a link or product; answers how many are queued for it. */
  scriptOutcomes(target: ScriptTarget, outcomes: readonly ScriptedOutcome[]): number;
  /** Outcomes still queued for a link or product. */
  scriptedPending(target: ScriptTarget): number;
  /** Sets a counted product's stock (0: "Out of stock"). */
  setStock(productId: number, inventory: number): void;
};

const API_PATH = "/api/v2";
const MAX_BODY_BYTES = 1_000_000;

const HTML_500 =
  "<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1><p>The server encountered an internal error and was unable to complete your request.</p></body></html>";
const HTML_502 =
  "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

function exactBalance(text: string) {
  const amount = parseDecimal(text);
  if (!amount) throw new Error(`simulator balance is not a decimal: ${JSON.stringify(text)}`);
  return amount;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) request.destroy(new Error("request body too large"));
      else chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function send(response: ServerResponse, status: number, body: string, contentType = "application/json", headers: Record<string, string> = {}) {
  if (response.destroyed || response.headersSent) return;
  response.writeHead(status, { "content-type": contentType, "content-length": Buffer.byteLength(body), ...headers });
  response.end(body);
}

/** Like the seed document's product bodies: an extra brace makes the JSON unreadable. */
function malform(text: string): string {
  return text.includes("{") ? text.replace("{", "{{") : `${text}}`;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<SimulatorHandle> {
  const { port = 0, host = "127.0.0.1", seed = 1, apiKey = "sim-key" } = options;
  const state = createSimulatorState({ seed, services: options.services ?? 200, products: options.products ?? 12, balance: exactBalance(options.balance ?? "1000") });
  const { statePath } = options;
  if (options.otherCustomers) state.others = createOtherCustomers(seed, options.otherCustomers);
  const restored = statePath ? restoreState(statePath, state) : null;
  if (restored && "skipped" in restored && restored.skipped !== "no saved state yet") {
    process.stderr.write(`simulator: starting afresh, ${restored.skipped}: ${statePath}\n`);
  }
  const clock = createClock(options.clock ?? "manual", restored && "now" in restored ? restored.now : 0);
  let savedRevision = state.revision;
  /** Saves after any change; cheap enough for a demo, and a created order is never lost. */
  const persist = () => {
    if (!statePath || state.revision === savedRevision) return;
    saveState(statePath, state, clock.now());
    savedRevision = state.revision;
  };
  const faults = createFaultTable(createPrng(seed, "faults"));
  const script = createOutcomeScript();
  const counts: Record<string, number> = Object.fromEntries(SIMULATED_ACTIONS.map((action) => [action, 0]));
  const lastRequests = new Map<string, Record<string, string>>();
  const hanging = new Set<ServerResponse>();
  const timers = new Set<NodeJS.Timeout>();

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  /** Runs the action; `drop` when a scripted lost answer wants the connection closed instead. */
  function perform(params: URLSearchParams): { text: string; drop: boolean } {
    const { body, dropAnswer } = answerRequest(state, apiKey, clock.now(), params, script);
    persist();
    return { text: toJsonText(body), drop: dropAnswer === true };
  }

  function sendPerformed(response: ServerResponse, performed: { text: string; drop: boolean }) {
    if (performed.drop) response.socket?.destroy();
    else send(response, 200, performed.text);
  }

  async function respondWithFault(fault: FaultKind, params: URLSearchParams, response: ServerResponse) {
    const performed = faultPerformsAction(fault) && fault.type !== "latency" ? perform(params).text : "";
    switch (fault.type) {
      case "latency":
        await wait(fault.ms);
        return sendPerformed(response, perform(params));
      case "hang":
        hanging.add(response);
        response.on("close", () => hanging.delete(response));
        return;
      case "http500":
        return send(response, 500, HTML_500, "text/html");
      case "http502":
        return send(response, 502, HTML_502, "text/html");
      case "truncated-json":
        return send(response, 200, performed.slice(0, Math.max(1, Math.floor(performed.length / 2))));
      case "malformed-json":
        return send(response, 200, malform(performed));
      case "error":
        return send(response, 200, toJsonText({ error: fault.message }));
      case "rate-limit":
        return send(response, 429, toJsonText({ error: "Too many requests" }), "application/json", {
          "retry-after": String(fault.retryAfter ?? 1),
          "x-ratelimit-limit": "60",
          "x-ratelimit-remaining": "0",
        });
      case "create-then-drop":
        // The work is done and charged; the answer is lost with the connection.
        response.socket?.destroy();
        return;
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? "/", "http://simulator");
    const path = url.pathname.replace(/\/+$/, "");
    if (path.startsWith("/sim/")) {
      const scripted = answerScriptRequest(path, request.method ?? "", await readBody(request), { apiKey, script, state });
      if (scripted) return send(response, scripted.status, toJsonText(scripted.body));
    }
    if (path !== API_PATH) return send(response, 404, "<h1>Not Found</h1>", "text/html");
    if (request.method !== "POST" && request.method !== "GET") return send(response, 405, "<h1>Method Not Allowed</h1>", "text/html");
    const params = request.method === "GET" ? url.searchParams : new URLSearchParams(await readBody(request));
    const action = params.get("action") ?? "";
    counts[action] = (counts[action] ?? 0) + 1;
    lastRequests.set(action, Object.fromEntries([...params].filter(([name]) => name !== "key")));
    const fault = faults.take(action);
    if (fault) return respondWithFault(fault, params, response);
    sendPerformed(response, perform(params));
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      process.stderr.write(`simulator: ${error instanceof Error ? error.stack : String(error)}\n`);
      send(response, 500, HTML_500, "text/html");
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const boundPort = (server.address() as AddressInfo).port;
  const urlHost = host.includes(":") ? `[${host}]` : host;

  const now = () => clock.now();
  const settledNow = () => {
    state.settle(now());
    return now();
  };

  return {
    url: `http://${urlHost}:${boundPort}${API_PATH}`,
    port: boundPort,
    apiKey,
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const response of hanging) response.socket?.destroy();
      state.touch();
      persist();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    setFault: (action, fault) => faults.set(action, fault),
    clearFaults: () => faults.clear(),
    advance(minutes) {
      clock.advance(minutes);
      state.settle(now());
      persist();
    },
    now,
    counts,
    lastRequest: (action) => lastRequests.get(action) ?? null,
    orders() {
      const at = settledNow();
      return [...state.orders.values()].map((order) => {
        const view = viewOrder(order, at);
        return {
          id: String(order.id),
          service: String(order.service.id),
          type: order.service.type,
          link: order.link,
          quantity: order.quantity,
          fields: order.fields,
          status: view.status,
          charge: view.charge.toString(),
          remains: view.remains,
          startCount: view.startCount,
        };
      });
    },
    productOrders() {
      const at = settledNow();
      return [...state.productOrders.values()].map((order) => {
        const view = viewProductOrder(order, at);
        return { id: String(order.id), product: String(order.product.id), quantity: order.quantity, status: view.status, charge: view.charge.toString(), lines: view.lines };
      });
    },
    refills() {
      const at = settledNow();
      return [...state.refills.values()].map((refill) => ({ id: String(refill.id), order: String(refill.orderId), status: viewRefill(refill, at) }));
    },
    catalog: () => ({ services: state.services, products: state.products }),
    setBalance(amount) {
      state.balance = exactBalance(amount);
      state.touch();
      persist();
    },
    balance() {
      state.settle(now());
      return state.balance.toString();
    },
    setOtherCustomers(option) {
      if (!option) state.others = null;
      else if (state.others) state.others.option = option;
      else state.others = createOtherCustomers(seed, option);
    },
    scriptOutcomes: (target, outcomes) => script.push(target, outcomes),
    scriptedPending: (target) => script.pending(target),
    setStock(productId, inventory) {
      setStock(state, productId, inventory);
      persist();
    },
  };
}
