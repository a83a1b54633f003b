// The quote every payment stores and the form shows: fee, deposit, bonus, minor units.
import { describe, expect, it } from "vitest";
import { Decimal } from "@/lib/money";
import { bonusPercentFor, currencyScale, fromMinorUnits, quotePayment, toMinorUnits } from "./quote";

const d = (t: string) => new Decimal(t);

describe("quotePayment", () => {
  it("adds the fee rounded up to the currency's unit, credits at the rate rounded down, and picks the highest bonus reached", () => {
    const method = { gateway: "stripe" as const, currency: "EUR", exchangeRate: d("1.0833333333"), feePercent: d("2.9"), bonusRules: [{ minAmount: d("100"), percent: d("5") }, { minAmount: d("500"), percent: d("10") }] };
    const q = quotePayment(method, d("99.99"));
    expect([q.fee.toFixed(), q.payAmount.toFixed(), q.creditAmount.toFixed(), q.bonusPercent.toFixed(), q.bonusAmount.toFixed()]).toEqual(["2.9", "102.89", "108.322499", "0", "0"]);
    const big = quotePayment(method, d("500"));
    expect([big.fee.toFixed(), big.creditAmount.toFixed(), big.bonusPercent.toFixed(), big.bonusAmount.toFixed()]).toEqual(["14.5", "541.666666", "10", "54.166666"]);
  });

  it("bonus thresholds are inclusive and the best applies", () => {
    const rules = [{ minAmount: d("100"), percent: d("5") }, { minAmount: d("50"), percent: d("7") }];
    expect(bonusPercentFor(d("49.99"), rules).toFixed()).toBe("0");
    expect(bonusPercentFor(d("100"), rules).toFixed()).toBe("7");
  });
});

describe("minor units", () => {
  it("convert exactly, zero- and three-decimal currencies too, and refuse fractions of a unit", () => {
    expect(toMinorUnits(d("123.45"), "USD")).toBe(12345);
    expect(toMinorUnits(d("0.29"), "usd")).toBe(29);
    expect(toMinorUnits(d("1500"), "JPY")).toBe(1500);
    expect(toMinorUnits(d("1.234"), "KWD")).toBe(1234);
    expect(() => toMinorUnits(d("1.005"), "USD")).toThrow();
    expect(() => toMinorUnits(d("1.5"), "JPY")).toThrow();
    expect(fromMinorUnits(12345, "USD").toFixed()).toBe("123.45");
    expect(fromMinorUnits(1500, "JPY").toFixed()).toBe("1500");
    expect(currencyScale("cryptomus", "BTC")).toBe(8);
    expect(currencyScale("stripe", "BTC")).toBe(2);
  });
});
