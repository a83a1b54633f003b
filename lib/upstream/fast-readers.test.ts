// The zod-free readers (readOrderStatusFast, parseCount's shortcut) must answer exactly what the
// zod schemas answer, for well-formed and odd items alike; where they step aside (null), the
// schema's own error is what callers see.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseOrderStatusBatch } from "./batch-answers";
import { readOrderStatusFast, readServiceListFast } from "./fast-readers";
import { zOrderStatus, zServiceList } from "./schemas";
import { parseCount } from "./values";
import { Decimal, parseDecimal } from "@/lib/money";

/** parseCount as it was, through a Decimal every time. */
function countThroughDecimal(value: unknown): number | null {
  const amount = parseDecimal(value);
  if (!amount || !amount.isInteger()) return null;
  const count = amount.toNumber();
  return Number.isSafeInteger(count) ? count : null;
}

const looseValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map(String),
  fc.stringMatching(/^\s?[+-]?\d{0,18}(\.\d{0,8})?\s?$/),
  fc.string(),
  fc.constantFrom("Completed", "In progress", "Partial", "Canceled", "Pending", "USD", " ", "007", "-0", "1e3", "12.0"),
  fc.array(fc.integer(), { maxLength: 2 }),
  fc.record({ error: fc.string() }),
);

const plain = (value: unknown) => JSON.parse(JSON.stringify(value, (_, v) => (v instanceof Decimal ? `D:${v.toFixed()}` : v)));

describe("readOrderStatusFast", () => {
  it("answers what zOrderStatus answers, or steps aside where zOrderStatus refuses", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.record({ charge: looseValue, start_count: looseValue, status: looseValue, remains: looseValue, currency: looseValue, extra: looseValue }, { requiredKeys: [] }),
          looseValue,
        ),
        (item) => {
          const fast = readOrderStatusFast(item);
          const parsed = zOrderStatus.safeParse(item);
          if (fast === null) expect(parsed.success && typeof (item as { status?: unknown })?.status === "string").toBe(false);
          else {
            expect(parsed.success).toBe(true);
            expect(plain(fast)).toEqual(plain(parsed.data));
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("leaves a batch's errors as the schema words them", () => {
    const answer = parseOrderStatusBatch({ "1": { status: "Completed", charge: "0.5", remains: "0" }, "2": { status: { text: "odd" } } });
    expect(answer).toEqual({ ok: false, kind: "indeterminate", message: expect.stringContaining("status: unexpected answer shape (2: status:") });
    const fine = parseOrderStatusBatch({ "7": { status: "Partial", charge: "1.20000", remains: "15", start_count: "3", currency: "USD" } });
    expect(fine.ok && plain(fine.value.get("7"))).toEqual(plain(zOrderStatus.parse({ status: "Partial", charge: "1.20000", remains: "15", start_count: "3", currency: "USD" })));
  });
});

describe("readServiceListFast", () => {
  const listing = fc.record(
    {
      service: looseValue,
      name: looseValue,
      type: looseValue,
      category: looseValue,
      rate: looseValue,
      min: looseValue,
      max: looseValue,
      refill: looseValue,
      cancel: looseValue,
      dripfeed: looseValue,
      description: looseValue,
      desc: looseValue,
    },
    { requiredKeys: [] },
  );
  const wellFormed = fc.record({
    service: fc.oneof(fc.nat(), fc.stringMatching(/^ ?\d{1,6} ?$/)),
    name: fc.string({ minLength: 1 }),
    type: fc.constantFrom("Default", "Custom Comments", 7),
    category: fc.string(),
    rate: fc.stringMatching(/^\d{1,4}\.\d{1,8}$/),
    min: fc.nat({ max: 1000 }).map(String),
    max: fc.nat({ max: 10_000_000 }),
    refill: looseValue,
    cancel: looseValue,
    dripfeed: looseValue,
    desc: fc.option(fc.string(), { nil: undefined }),
  });

  it("answers what zServiceList answers for whole lists, or steps aside where the schema has something to say", () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(wellFormed, { maxLength: 5 }), fc.array(fc.oneof(wellFormed, listing), { maxLength: 4 }), looseValue), (json) => {
        const fast = readServiceListFast(json);
        const parsed = zServiceList.safeParse(json);
        // null only sends the list to the schema (slower, same answer); a list it does read is the schema's.
        if (fast !== null) {
          expect(parsed.success).toBe(true);
          expect(plain(fast)).toEqual(plain(parsed.data));
        }
      }),
      { numRuns: 3000 },
    );
    // A well-formed list always takes the fast road.
    fc.assert(fc.property(fc.array(wellFormed, { maxLength: 5 }), (json) => {
        expect(readServiceListFast(json)).not.toBeNull();
      }),
      { numRuns: 500 },
    );
  });
});

describe("parseCount", () => {
  it("answers what the Decimal road answers", () => {
    fc.assert(
      fc.property(looseValue, (value) => {
        expect(parseCount(value)).toBe(countThroughDecimal(value));
      }),
      { numRuns: 5000 },
    );
  });
});
