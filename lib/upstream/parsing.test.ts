// The tolerant parsing rules, one variant at a time: what real panels send, and what must
// never be read as success.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal } from "@/lib/money";
import { parseCancelBatch, parseCreatedRefill, parseOrderStatusBatch, parseRefillBatch, parseRefillStatusBatch } from "./batch-answers";
import { canonicalServiceType } from "./add-order-input";
import { interpretUpstreamAnswer, parseJsonKeepingNumberText } from "./response";
import { parseAnswer, zBalance, zCreatedOrder, zOrderStatus, zServiceList } from "./schemas";
import { classifyOrderStatus, classifyRefillStatus, isFinalOrderClass } from "./statuses";
import { buildFormBody, parseRetryAfter, scrubSecret } from "./transport";

describe("order status classes", () => {
  it.each([
    ["Pending", "pending"],
    ["Processing", "in_progress"],
    ["In progress", "in_progress"],
    ["in_progress", "in_progress"],
    [" IN PROGRESS ", "in_progress"],
    ["Completed", "completed"],
    ["completed", "completed"],
    ["Partial", "partial"],
    ["Canceled", "canceled"],
    ["Cancelled", "canceled"],
    ["Refunded", "canceled"],
    ["Success", "unknown"],
    ["Done", "unknown"],
    ["", "unknown"],
  ] as const)("%j → %s", (text, expected) => {
    expect(classifyOrderStatus(text)).toBe(expected);
  });

  it("only completed, partial and canceled are final; unknown never is", () => {
    expect(["pending", "in_progress", "completed", "partial", "canceled", "unknown"].filter((cls) => isFinalOrderClass(cls as never))).toEqual([
      "completed",
      "partial",
      "canceled",
    ]);
  });

  it("refill classes", () => {
    expect(["Pending", "In progress", "Completed", "Rejected", "Canceled"].map(classifyRefillStatus)).toEqual([
      "pending",
      "in_progress",
      "completed",
      "rejected",
      "unknown",
    ]);
  });
});

describe("value variants", () => {
  it("services: ids, counts, money and flags in every spelling; extras ignored", () => {
    const result = parseAnswer(
      zServiceList,
      [
        { service: "17", name: "A", type: "default", category: "Insta", rate: 0.9, min: 50, max: "1000.0", refill: "1", cancel: 1, dripfeed: "0", desc: "fast", extra: { x: 1 } },
        { service: 18, name: 42, type: "Package", category: "Insta", rate: "2.10000000", min: "1", max: "1", refill: false },
      ],
      "services",
    );
    if (!result.ok) throw new Error(result.message);
    const [first, second] = result.value;
    expect(first).toMatchObject({ service: "17", min: 50, max: 1000, refill: true, cancel: true, dripfeed: false, description: "fast" });
    expect(first.rate.toString()).toBe("0.9");
    expect(first).not.toHaveProperty("extra");
    expect(second).toMatchObject({ service: "18", name: "42", refill: false, cancel: false, dripfeed: false });
    expect(second.rate.toFixed(8)).toBe("2.10000000");
    expect(canonicalServiceType(first.type)).toBe("Default");
    expect(canonicalServiceType("custom_comments")).toBe("Custom Comments");
    expect(canonicalServiceType("Auto Likes")).toBeNull();
  });

  it("a service with an unreadable rate or limit makes the answer indeterminate", () => {
    for (const broken of [{ rate: "1,5" }, { rate: null }, { min: "ten" }, { service: 1.5 }]) {
      const listing = { service: 1, name: "A", type: "Default", category: "C", rate: "1", min: "10", max: "100", refill: true, ...broken };
      expect(parseAnswer(zServiceList, [listing], "services")).toMatchObject({ ok: false, kind: "indeterminate" });
    }
  });

  it("order status: optional values become null, negative remains stay", () => {
    const parsed = parseAnswer(zOrderStatus, { charge: "abc", start_count: "", status: "Completed", remains: "Unknown", currency: "XU" }, "status");
    expect(parsed).toMatchObject({ ok: true, value: { charge: null, startCount: null, remains: null, currency: "XU" } });
    const negative = parseAnswer(zOrderStatus, { charge: 1, start_count: 12, status: "Partial", remains: -2 }, "status");
    expect(negative).toMatchObject({ ok: true, value: { startCount: 12, remains: -2, currency: null } });
    expect(parseAnswer(zOrderStatus, { charge: "1" }, "status")).toMatchObject({ ok: false, kind: "indeterminate" });
  });

  it("money is exact from any decimal text or JSON number", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 14n }), fc.integer({ min: 0, max: 8 }), (units, scale) => {
        const text = new Decimal(units.toString()).dividedBy(new Decimal(10).pow(scale)).toFixed(scale);
        const fromString = parseAnswer(zBalance, JSON.parse(`{"balance": "${text}", "currency": "USD"}`), "balance");
        const fromNumber = parseAnswer(zBalance, JSON.parse(`{"balance": ${text}, "currency": "USD"}`), "balance");
        if (!fromString.ok) throw new Error(fromString.message);
        expect(fromString.value.balance.equals(new Decimal(text))).toBe(true);
        // JSON numbers are exact as long as they are representable in 17 significant digits.
        if (new Decimal(text).sd() <= 15) expect(fromNumber.ok && fromNumber.value.balance.equals(new Decimal(text))).toBe(true);
      }),
    );
  });

  it("add answer ids as numbers or strings; anything else is indeterminate", () => {
    expect(parseAnswer(zCreatedOrder, { order: 23501 }, "add")).toEqual({ ok: true, value: { order: "23501" } });
    expect(parseAnswer(zCreatedOrder, { order: "A-77", status: "success" }, "add")).toEqual({ ok: true, value: { order: "A-77" } });
    for (const odd of [{}, [], { order: null }, { order: "" }, { success: true }, "23501"]) {
      expect(parseAnswer(zCreatedOrder, odd, "add")).toMatchObject({ ok: false, kind: "indeterminate" });
    }
  });
});

describe("batch answers", () => {
  it("status batches: per-id errors are data, a PHP empty list is an empty map, an odd item spoils the answer", () => {
    const parsed = parseOrderStatusBatch({ "1": { charge: "1", status: "Completed" }, "2": { error: "Incorrect order ID" } });
    expect(parsed.ok && [...parsed.value.keys()]).toEqual(["1", "2"]);
    expect(parsed.ok && parsed.value.get("2")).toEqual({ error: "Incorrect order ID", kind: "definite" });
    expect(parseOrderStatusBatch([])).toMatchObject({ ok: true });
    expect(parseOrderStatusBatch({ "1": "Completed" })).toMatchObject({ ok: false, kind: "indeterminate" });
    expect(parseOrderStatusBatch([{ status: "Completed" }])).toMatchObject({ ok: false, kind: "indeterminate" });
  });

  it("refill, refill_status and cancel batches in their variants", () => {
    expect(parseCreatedRefill({ refill: 12345, success: "Your order will be refill asap" })).toEqual({ ok: true, value: { refill: "12345" } });
    expect(parseCreatedRefill({ refill: { error: "Order not eligible for refill." } })).toMatchObject({ ok: false, kind: "definite" });
    expect(parseRefillBatch([{ order: 1, refill: 1 }, { order: "3", refill: { error: "Incorrect order ID" } }, { order: 4, error: "Refill not allowed" }], ["1", "3", "4"])).toEqual({
      ok: true,
      value: [
        { order: "1", refill: "1" },
        { order: "3", error: "Incorrect order ID", kind: "definite" },
        { order: "4", error: "Refill not allowed", kind: "definite" },
      ],
    });
    expect(parseRefillStatusBatch([{ refill: "9", status: "Processing" }])).toEqual({ ok: true, value: [{ refill: "9", status: "Processing", statusClass: "in_progress" }] });
    expect(parseCancelBatch([{ order: 2, cancel: 1 }, { order: 3, cancel: "1" }, { order: 4, cancel: true }, { order: 5, cancel: 0 }, { order: 9, cancel: { error: "Incorrect order ID" } }])).toEqual({
      ok: true,
      value: [
        { order: "2", ok: true },
        { order: "3", ok: true },
        { order: "4", ok: true },
        { order: "5", error: "Cancel not accepted", kind: "definite" },
        { order: "9", error: "Incorrect order ID", kind: "definite" },
      ],
    });
    expect(parseCancelBatch([{ order: 2, cancel: "maybe" }])).toMatchObject({ ok: false, kind: "indeterminate" });
  });
});

describe("exact JSON numbers", () => {
  const numbersAsText = (value: unknown): unknown =>
    typeof value === "number"
      ? JSON.stringify(value)
      : Array.isArray(value)
        ? value.map(numbersAsText)
        : value && typeof value === "object"
          ? Object.fromEntries(Object.entries(value).map(([key, item]) => [key, numbersAsText(item)]))
          : value;

  it("parses like JSON.parse, with every number literal kept as its text", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(parseJsonKeepingNumberText(JSON.stringify(value))).toEqual(numbersAsText(value));
      }),
    );
  });

  it("keeps digits a float would lose, leaves strings alone, and rejects what JSON.parse rejects", () => {
    const parsed = parseAnswer(zOrderStatus, parseJsonKeepingNumberText('{"charge": 12345678.123456789, "status": "Done \\"1,5\\" 2", "remains": -2}'), "status");
    expect(parsed.ok && parsed.value.charge!.toString()).toBe("12345678.123456789");
    expect(parsed.ok && parsed.value.status).toBe('Done "1,5" 2');
    expect(parsed.ok && parsed.value.remains).toBe(-2);
    for (const invalid of ['{"a": 01}', '{"a": 1.}', '{"a": -}', "[1,]", '{{"a": 1}}', '{"a": 1', '"open']) {
      expect(() => parseJsonKeepingNumberText(invalid), invalid).toThrow();
    }
  });
});

describe("answer interpretation", () => {
  const interpret = (httpStatus: number, bodyText: string) => interpretUpstreamAnswer({ httpStatus, bodyText }, "add");

  it("a bare {error} is a definite refusal under 2xx and 4xx, indeterminate under 429 and 5xx", () => {
    expect(interpret(200, '{"error":"Incorrect request"}')).toEqual({ ok: false, kind: "definite", message: "Incorrect request", httpStatus: 200 });
    expect(interpret(422, '{"error":"Quantity less than minimal 1000"}')).toMatchObject({ kind: "definite", httpStatus: 422 });
    expect(interpret(429, '{"error":"Too many requests"}')).toMatchObject({ kind: "indeterminate", httpStatus: 429 });
    expect(interpret(503, '{"error":"Maintenance"}')).toMatchObject({ kind: "indeterminate", httpStatus: 503 });
  });

  it("an error with other keys, a redirect, an empty body or HTML is never a refusal or a success", () => {
    expect(interpret(200, '{"error":"x","order":1}')).toMatchObject({ ok: true });
    expect(interpret(301, "")).toMatchObject({ kind: "indeterminate", httpStatus: 301 });
    expect(interpret(200, "")).toMatchObject({ kind: "indeterminate", message: "add: HTTP 200 with a body that is not valid JSON" });
    expect(interpret(200, "<html>Attention Required! | Cloudflare</html>")).toMatchObject({ kind: "indeterminate" });
    expect(interpret(404, '{"message":"Not found"}')).toMatchObject({ kind: "indeterminate", httpStatus: 404 });
  });

  it("form body, Retry-After and key scrubbing helpers", () => {
    expect(buildFormBody("k", "add", { service: 1, link: "https://x/?a=1&b=2", runs: undefined }).toString()).toBe(
      "key=k&action=add&service=1&link=https%3A%2F%2Fx%2F%3Fa%3D1%26b%3D2",
    );
    expect(parseRetryAfter("2")).toBe(2000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(parseRetryAfter("soon")).toBeNull();
    expect(scrubSecret("key=a+b and a%2Bb", "a+b")).toBe("key=[redacted] and [redacted]");
  });
});
