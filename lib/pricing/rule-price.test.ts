// The pricing formula and the customer rate against a reference written in integer arithmetic
// (BigInt millionths), independent of decimal.js; and rule precedence.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal } from "@/lib/money";
import { customerRate } from "./customer-rate";
import { priceByRule, roundUpToStep, ruleFor, type ScopedRule } from "./rule-price";

// Reference: amounts as BigInt numerators over 10^k.
const SCALE = 10n ** 12n;
const toUnits = (text: string) => {
  const [int, frac = ""] = text.split(".");
  return BigInt(int!) * SCALE + BigInt((frac + "0".repeat(12)).slice(0, 12));
};
const fromMicros = (micros: bigint) => {
  const s = micros.toString().padStart(7, "0");
  return `${s.slice(0, -6)}.${s.slice(-6)}`;
};
const ceilDiv = (a: bigint, b: bigint) => (a + b - 1n) / b;
/** ceil(x / step) × step, x in 10^-12 units, step in millionths; result in millionths. */
const refRound = (xUnits: bigint, stepMicros: bigint) => ceilDiv(ceilDiv(xUnits, 1_000_000n), stepMicros) * stepMicros;
function refPrice(cost: string, r: { percent?: string; fixed?: string; min?: string; step?: string }) {
  // cost has ≤ 6 decimals, percent ≤ 4: cost × (100 + p) / 100 fits 10^-12 units exactly.
  const pct = toUnits(r.percent ?? "0");
  let x = (toUnits(cost) * (100n * SCALE + pct)) / (100n * SCALE) + toUnits(r.fixed ?? "0");
  if (r.min && x < toUnits(r.min)) x = toUnits(r.min);
  return fromMicros(refRound(x, toUnits(r.step ?? "0.000001") / 1_000_000n));
}

const decimalText = (maxInt: number, places: number) =>
  fc.tuple(fc.integer({ min: 0, max: maxInt }), fc.integer({ min: 0, max: 10 ** places - 1 })).map(([i, f]) => `${i}.${String(f).padStart(places, "0")}`);
const positive = (maxInt: number, places: number) => decimalText(maxInt, places).filter((t) => new Decimal(t).gt(0));

describe("priceByRule", () => {
  it("matches the integer reference for every combination of terms", () => {
    fc.assert(
      fc.property(
        decimalText(5000, 6),
        fc.record({ percent: decimalText(500, 4), fixed: decimalText(50, 6), min: positive(100, 6), step: fc.constantFrom("0.000001", "0.01", "0.05", "0.1", "1", "0.000250") }, { requiredKeys: [] }),
        (cost, r) => {
          const rule = { percent: r.percent ?? null, fixedAmount: r.fixed ?? null, minPrice: r.min ?? null, roundStep: r.step ?? null };
          expect(priceByRule(cost, rule).toFixed(6)).toBe(refPrice(cost, r));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("rounds up to the step, never down, and never below cost", () => {
    expect(roundUpToStep("1.001", "0.01").toFixed()).toBe("1.01");
    expect(roundUpToStep("1.00", "0.01").toFixed()).toBe("1");
    expect(roundUpToStep("0.0000001").toFixed()).toBe("0.000001");
    expect(priceByRule("0.333333", { percent: "0", fixedAmount: null, minPrice: null, roundStep: "0.05" }).toFixed()).toBe("0.35");
    expect(priceByRule("2", { percent: null, fixedAmount: "0.5", minPrice: "5", roundStep: null }).toFixed()).toBe("5");
    expect(priceByRule("1.2345678", null).toFixed()).toBe("1.234568");
    expect(() => roundUpToStep("1", "0.0000001")).toThrow();
    fc.assert(fc.property(decimalText(1000, 8), decimalText(100, 4), (cost, pct) => {
      expect(priceByRule(cost, { percent: pct, fixedAmount: null, minPrice: null, roundStep: null }).gte(cost)).toBe(true);
    }));
  });
});

describe("ruleFor", () => {
  const rule = (id: number, scope: ScopedRule["scope"], t: Partial<ScopedRule> = {}): ScopedRule => ({
    id, scope, providerId: null, category: null, itemId: null, percent: "1", fixedAmount: null, minPrice: null, roundStep: null, ...t,
  });
  const all = [rule(1, "global"), rule(2, "provider", { providerId: 7 }), rule(3, "category", { category: "Instagram" }), rule(4, "item", { itemId: 42 })];

  it("the most specific rule that names the item wins", () => {
    expect(ruleFor(all, { id: 42, providerId: 7, category: "Instagram" })?.id).toBe(4);
    expect(ruleFor(all, { id: 41, providerId: 7, category: "Instagram" })?.id).toBe(3);
    expect(ruleFor(all, { id: 41, providerId: 7, category: "Youtube" })?.id).toBe(2);
    expect(ruleFor(all, { id: 41, providerId: 8, category: "Youtube" })?.id).toBe(1);
    expect(ruleFor(all.slice(1), { id: 41, providerId: 8, category: "Youtube" })).toBeNull();
  });

  it("whatever the order of the rules", () => {
    fc.assert(fc.property(fc.shuffledSubarray(all, { minLength: 0 }), (rules) => {
      const item = { id: 42, providerId: 7, category: "Instagram" };
      const expected = [4, 3, 2, 1].find((id) => rules.some((r) => r.id === id)) ?? null;
      expect(ruleFor(rules, item)?.id ?? null).toBe(expected);
    }));
  });
});

describe("customerRate", () => {
  it("a custom price wins; a discount rounds up and never goes below cost (unless the list price already is)", () => {
    expect(customerRate({ listRate: "10", cost: "5", discountPercent: "10", customRate: "7.5" }).toFixed(6)).toBe("7.500000");
    expect(customerRate({ listRate: "10", cost: "5", discountPercent: "10", customRate: null }).toFixed(6)).toBe("9.000000");
    expect(customerRate({ listRate: "10", cost: "9.5", discountPercent: "10", customRate: null }).toFixed(6)).toBe("9.500000");
    expect(customerRate({ listRate: "4", cost: "5", discountPercent: "10", customRate: null }).toFixed(6)).toBe("4.000000");
    expect(customerRate({ listRate: "1.000001", cost: "0", discountPercent: "33.3333", customRate: null }).toFixed(6)).toBe("0.666668");
  });

  it("matches the integer reference", () => {
    fc.assert(fc.property(positive(1000, 6), decimalText(1000, 6), positive(99, 4).filter((p) => new Decimal(p).lt(100)), (list, cost, pct) => {
      const discounted = refRound((toUnits(list) * (100n * SCALE - toUnits(pct))) / (100n * SCALE), 1n);
      const floor = [toUnits(list) / 1_000_000n, refRound(toUnits(cost), 1n)].reduce((a, b) => (a < b ? a : b));
      const expected = fromMicros(discounted > floor ? discounted : floor);
      expect(customerRate({ listRate: list, cost, discountPercent: pct, customRate: null }).toFixed(6)).toBe(expected);
    }), { numRuns: 2000 });
  });
});
