// The one list of actions: it covers the whole protocol, its documented examples are answers our
// own client accepts, and its curl examples are runnable.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import {
  parseAnswer,
  parseCancelBatch,
  parseCreatedRefill,
  parseOrderStatusBatch,
  parseProductOrderStatusBatch,
  parseRefillBatch,
  parseRefillStatus,
  parseRefillStatusBatch,
  zBalance,
  zCreatedOrder,
  zOrderStatus,
  zProductList,
  zProductOrderStatus,
  zResultProduct,
  zServiceList,
  type UpstreamResult,
} from "@/lib/upstream";
import { SIMULATED_ACTIONS } from "@/lib/upstream/simulator";
import { API_ACTIONS, findApiAction } from "./definitions";
import { curlExample } from "./docs";

describe("API_ACTIONS", () => {
  it("implements every action of the protocol, each once, and the route finds each by name", () => {
    expect(API_ACTIONS.map((a) => a.name).sort()).toEqual([...SIMULATED_ACTIONS].sort());
    for (const action of API_ACTIONS) expect(findApiAction(action.name)).toBe(action);
    expect(findApiAction("nope")).toBeUndefined();
    expect(findApiAction(undefined)).toBeUndefined();
    expect(findApiAction("__proto__")).toBeUndefined();
  });

  it("documents every variant with fields and an example answer that our own client reads", () => {
    const readers: Record<string, (variant: string, answer: unknown) => UpstreamResult<unknown>> = {
      services: (_, a) => parseAnswer(zServiceList, a, "services"),
      add: (_, a) => parseAnswer(zCreatedOrder, a, "add"),
      status: (v, a) => (v === "one order" ? parseAnswer(zOrderStatus, a, "status") : parseOrderStatusBatch(a)),
      refill: (v, a) => (v === "one order" ? parseCreatedRefill(a) : parseRefillBatch(a, ["23501", "23502"])),
      refill_status: (v, a) => (v === "one refill" ? parseRefillStatus(a) : parseRefillStatusBatch(a)),
      cancel: (_, a) => parseCancelBatch(a),
      balance: (_, a) => parseAnswer(zBalance, a, "balance"),
      products: (_, a) => parseAnswer(zProductList, a, "products"),
      add_product_order: (_, a) => parseAnswer(zCreatedOrder, a, "add_product_order"),
      product_order_status: (v, a) => (v === "one order" ? parseAnswer(zProductOrderStatus, a, "product_order_status") : parseProductOrderStatusBatch(a)),
      result_product: (_, a) => parseAnswer(zResultProduct, a, "result_product"),
    };
    for (const action of API_ACTIONS) {
      expect(action.summary.length).toBeGreaterThan(10);
      expect(action.variants.length).toBeGreaterThan(0);
      for (const variant of action.variants) {
        for (const field of variant.fields) expect(field.description && field.example, `${action.name}.${field.name}`).toBeTruthy();
        const read = readers[action.name](variant.title, JSON.parse(JSON.stringify(variant.answer)));
        expect(read.ok, `${action.name} / ${variant.title}: ${read.ok ? "" : read.message}`).toBe(true);
      }
    }
    // add lists every service type our client can order, plus drip-feed.
    expect(findApiAction("add")!.variants.map((v) => v.title)).toHaveLength(15);
  });

  it("renders curl commands that bash parses into exactly the documented fields", () => {
    const add = findApiAction("add")!;
    const comments = add.variants.find((v) => v.title === "Custom Comments")!;
    const command = curlExample("http://127.0.0.1:3000/api/v2", "add", comments.fields);
    expect(command).toContain("-d action=add");
    expect(command).not.toContain("idempotency_key");
    // Let bash expand the quoting and print each argument on its own line.
    const printed = execFileSync("bash", ["-c", `printargs() { printf '%s\\0' "$@"; }; ${command.replace(/^curl/, "printargs")}`]).toString();
    const args = printed.split("\0").filter(Boolean);
    const data = args.filter((_, index) => args[index - 1] === "--data-urlencode");
    expect(data).toEqual(["service=1", "link=https://instagram.com/p/abc", "comments=Great post!\nLove it"]);
  });
});
