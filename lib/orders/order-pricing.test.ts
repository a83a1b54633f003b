// Order-level price and refund arithmetic against an independent decimal reference, over each
// service's whole min/max range, including every awkward remains value.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import DecimalJs from "decimal.js";
import { applyMarkup, convertCurrency, Decimal } from "@/lib/money";
import { expectedRefund } from "@/lib/ledger/expected-refund";
import { ZPlaceOrderInput } from "./schemas";
import { serviceOrderCharge, validateServiceOrder } from "./service-order-rules";

const Ref = DecimalJs.clone({ precision: 200 });
const MICRO = new Ref("0.000001");
const ceil6 = (x: DecimalJs) => x.toDecimalPlaces(6, Ref.ROUND_UP);
const floor6 = (x: DecimalJs) => x.toDecimalPlaces(6, Ref.ROUND_DOWN);

/** A rate with up to 8 decimals, as upstreams send them. */
const rateArb = fc.tuple(fc.integer({ min: 0, max: 50_000_000 }), fc.integer({ min: 0, max: 8 })).map(([units, scale]) => new Ref(units).dividedBy(new Ref(10).pow(scale)));
const limitsArb = fc.tuple(fc.integer({ min: 1, max: 5_000 }), fc.integer({ min: 1, max: 2_000_000 })).map(([min, span]) => ({ min, max: min + span }));

describe("order charges", () => {
  it("a Default order costs ceil6(sellRate × quantity / 1000) for every quantity in min..max, and refuses the rest", () => {
    fc.assert(
      fc.property(rateArb, limitsArb, fc.double({ min: -0.5, max: 1.5, noNaN: true }), (rate, limits, at) => {
        const quantity = Math.round(limits.min + (limits.max - limits.min) * at);
        const result = validateServiceOrder({ type: "Default", ...limits, dripfeed: false }, ZPlaceOrderInput.parse({ serviceId: 1, link: "https://x.com/a", quantity }));
        if (quantity < limits.min || quantity > limits.max) {
          expect(result.ok).toBe(false);
          return;
        }
        if (!result.ok) throw new Error(JSON.stringify(result.fields));
        const charge = new Ref(serviceOrderCharge(rate.toString(), result.order).toString());
        expect(charge.eq(ceil6(rate.times(quantity).dividedBy(1000)))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("a drip-feed order costs runs × quantity, and a package its rate once", () => {
    fc.assert(
      fc.property(rateArb, fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 100 }), (rate, quantity, runs) => {
        const s = { type: "Default", min: 1, max: 100_000, dripfeed: true };
        const result = validateServiceOrder(s, ZPlaceOrderInput.parse({ serviceId: 1, link: "https://x.com/a", quantity, runs, interval: 15 }));
        if (!result.ok) throw new Error(JSON.stringify(result.fields));
        expect(result.order.quantity).toBe(quantity * runs);
        expect(new Ref(serviceOrderCharge(rate.toString(), result.order).toString()).eq(ceil6(rate.times(quantity * runs).dividedBy(1000)))).toBe(true);
        const pkg = validateServiceOrder({ type: "Package", min: 1, max: 1, dripfeed: false }, ZPlaceOrderInput.parse({ serviceId: 1, link: "https://x.com/a" }));
        if (!pkg.ok) throw new Error("package refused");
        expect(new Ref(serviceOrderCharge(rate.toString(), pkg.order).toString()).eq(ceil6(rate))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("the sell rate never undercuts the converted, marked-up cost", () => {
    fc.assert(
      fc.property(rateArb, fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 5_000_000 }), (rate, exchangeMicros, markupBasis) => {
        const exchange = new Ref(exchangeMicros).dividedBy(1_000_000);
        const markup = new Ref(markupBasis).dividedBy(10_000);
        const sell = new Ref(applyMarkup(convertCurrency(rate.toString(), exchange.toString()), markup.toString()).toString());
        const exact = rate.times(exchange).times(markup.dividedBy(100).plus(1));
        expect(sell.gte(exact)).toBe(true);
        expect(sell.minus(exact).lt(MICRO)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe("order refunds", () => {
  const remainsArb = (quantity: number) =>
    fc.oneof(
      fc.constant(0),
      fc.constant(quantity),
      fc.integer({ min: -quantity * 2 - 5, max: -1 }),
      fc.integer({ min: quantity + 1, max: quantity * 3 + 5 }),
      fc.integer({ min: 0, max: quantity }),
    );

  it("Partial refunds floor6(charge × clamp(remains, 0, q) / q); the panel never keeps less than the exact price of what was delivered", () => {
    fc.assert(
      fc.property(
        rateArb,
        fc.integer({ min: 1, max: 1_000_000 }).chain((quantity) => fc.tuple(fc.constant(quantity), remainsArb(quantity))),
        (rate, [quantity, remains]) => {
          const charge = serviceOrderCharge(rate.toString(), { quantity, flatPrice: false });
          const refund = expectedRefund({ state: "partial", charge, quantity, remains });
          if (!refund?.amount) throw new Error("no refund computed");
          const got = new Ref(refund.amount.toString());
          const clamped = Math.min(Math.max(remains, 0), quantity);
          expect(refund.kind).toBe("refund_partial");
          expect(got.eq(floor6(new Ref(charge.toString()).times(clamped).dividedBy(quantity)))).toBe(true);
          expect(got.gte(0) && got.lte(charge.toString())).toBe(true);
          if (clamped === 0) expect(got.isZero()).toBe(true);
          if (clamped === quantity) expect(got.eq(charge.toString())).toBe(true);
          const kept = new Ref(charge.toString()).minus(got);
          expect(kept.gte(rate.times(quantity - clamped).dividedBy(1000))).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("failed and canceled refund the whole charge; other states nothing; a Partial without remains cannot be computed", () => {
    const charge = new Decimal("12.345678");
    expect(expectedRefund({ state: "failed", charge, quantity: 10, remains: null })).toEqual({ kind: "refund_failed", amount: charge });
    expect(expectedRefund({ state: "canceled", charge, quantity: 10, remains: 3 })).toEqual({ kind: "refund_canceled", amount: charge });
    for (const state of ["pending_submit", "unknown", "pending", "in_progress", "completed"] as const) {
      expect(expectedRefund({ state, charge, quantity: 10, remains: 5 })).toBeNull();
    }
    expect(expectedRefund({ state: "partial", charge, quantity: 10, remains: null })).toEqual({ kind: "refund_partial", amount: null });
  });
});
