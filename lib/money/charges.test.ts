import { describe, expect, it } from "vitest";
import fc from "fast-check";
import DecimalJs from "decimal.js";
import { parseDecimal, partialRefund, serviceCharge, productCharge, applyMarkup, formatMoney } from "./index";

// Reference arithmetic: a separate decimal.js configuration with huge precision.
const Ref = DecimalJs.clone({ precision: 200 });

describe("parseDecimal", () => {
  it("keeps upstream strings exactly", () => {
    expect(parseDecimal("0.27819")!.toString()).toBe("0.27819");
    expect(parseDecimal("2.10000000")!.toFixed(8)).toBe("2.10000000");
    expect(parseDecimal(" 100.84292 ")!.toString()).toBe("100.84292");
    expect(parseDecimal(7.5)!.toString()).toBe("7.5");
    expect(parseDecimal(0.1)!.plus(parseDecimal(0.2)!).toString()).toBe("0.3");
  });
  it("rejects what is not a number", () => {
    for (const bad of ["", "abc", "1,5", "NaN", "Infinity", null, undefined, {}, Number.NaN]) {
      expect(parseDecimal(bad)).toBeNull();
    }
  });
});

describe("charges and refunds", () => {
  it("rounds a charge up and a refund down", () => {
    expect(serviceCharge("2.5", 200).toString()).toBe("0.5");
    expect(serviceCharge("0.0000013", 1).toString()).toBe("0.000001");
    expect(serviceCharge("0.0000013", 1000).toString()).toBe("0.000002");
    expect(productCharge("2.5", 3).toString()).toBe("7.5");
    expect(partialRefund("1", "1", 3).toString()).toBe("0.333333");
    expect(applyMarkup("2.5", "25").toString()).toBe("3.125");
    expect(formatMoney("3.1")).toBe("3.10");
    // Never rounded up: a shown balance is never above the real one.
    expect(formatMoney("3.1234567")).toBe("3.123456");
  });

  it("service charge = ceil6(rate × q / 1000) over the whole range", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (units, scale, quantity) => {
          const rate = new Ref(units).dividedBy(new Ref(10).pow(scale));
          const exact = rate.times(quantity).dividedBy(1000);
          const charged = new Ref(serviceCharge(rate.toString(), quantity).toString());
          expect(charged.gte(exact)).toBe(true);
          expect(charged.minus(exact).lt("0.000001")).toBe(true);
          expect(charged.decimalPlaces()).toBeLessThanOrEqual(6);
        },
      ),
    );
  });

  it("partial refund = floor6(charge × clamp(remains) / q), never more than the charge", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: -2_000_000, max: 2_000_000 }),
        (chargeMicros, quantity, remains) => {
          const charge = new Ref(chargeMicros).dividedBy(1_000_000);
          const clamped = Math.min(Math.max(remains, 0), quantity);
          const exact = charge.times(clamped).dividedBy(quantity);
          const refund = new Ref(partialRefund(charge.toString(), String(remains), quantity).toString());
          expect(refund.lte(exact)).toBe(true);
          expect(exact.minus(refund).lt("0.000001")).toBe(true);
          expect(refund.lte(charge)).toBe(true);
          expect(refund.gte(0)).toBe(true);
          if (clamped === 0) expect(refund.isZero()).toBe(true);
          if (clamped === quantity) expect(refund.eq(charge)).toBe(true);
        },
      ),
    );
  });
});
