import { describe, expect, it } from "vitest";
import { Decimal } from "./decimal";
import { exactMoneyText, formatMoney, moneyDisplay } from "./format";

describe("formatMoney", () => {
  it("shows the exact stored value, trimmed to at least 2 decimals", () => {
    expect(formatMoney("1234.567800", "USD")).toBe("$1,234.5678");
    expect(formatMoney("5.000000", "USD")).toBe("$5.00");
    expect(formatMoney("0.100000", "USD")).toBe("$0.10");
    expect(formatMoney("0.000001", "USD")).toBe("$0.000001");
    expect(formatMoney("-3.250000", "USD")).toBe("-$3.25");
  });

  it("never rounds: 6 decimals survive, a 7th is cut, not rounded up", () => {
    expect(formatMoney("0.999999", "USD")).toBe("$0.999999");
    expect(formatMoney("0.9999999", "USD")).toBe("$0.999999");
    expect(formatMoney(new Decimal("9999999999999.999999"), "USD")).toBe("$9,999,999,999,999.999999");
  });

  it("goes through Intl for the currency, and works without one", () => {
    expect(formatMoney("12.5", "EUR")).toBe("€12.50");
    expect(formatMoney("12.5")).toBe("12.50");
    expect(formatMoney("12.5", "EUR", { locale: "de-DE" })).toBe("12,50\u00a0€");
    expect(formatMoney("12.5", "NOT-A-CODE")).toBe("12.50 NOT-A-CODE");
  });

  it("keeps digits a JS number would lose", () => {
    expect(exactMoneyText("90071992547409.930001")).toBe("90071992547409.930001");
    expect(formatMoney("90071992547409.930001", "USD")).toBe("$90,071,992,547,409.930001");
  });
});

describe("money styles", () => {
  it("cents: balances and totals cut to 2 decimals, the exact value beside them", () => {
    expect(moneyDisplay("97.881400", "USD", { style: "cents" })).toEqual({ text: "$97.88", exact: "$97.8814" });
    expect(moneyDisplay("97.80", "USD", { style: "cents" })).toEqual({ text: "$97.80", exact: null });
    expect(formatMoney("-0.019999", "USD", { style: "cents" })).toBe("-$0.01");
  });

  it("one rule for the staff overview and the list beside it: $4,985.021225 is never shown as more", () => {
    expect(formatMoney("4985.0212249", "USD")).toBe("$4,985.021224");
    expect(formatMoney("4985.021225", "USD", { style: "cents" })).toBe("$4,985.02");
    expect(formatMoney("4985.029999", "USD", { style: "cents" })).toBe("$4,985.02");
  });

  it("rate: 2 decimals from 1 up, 3 significant digits below", () => {
    expect(moneyDisplay("26.974675", "USD", { style: "rate" })).toEqual({ text: "$26.97", exact: "$26.974675" });
    expect(moneyDisplay("0.012534", "USD", { style: "rate" })).toEqual({ text: "$0.0125", exact: "$0.012534" });
    expect(formatMoney("0.123456", "USD", { style: "rate" })).toBe("$0.123");
    expect(formatMoney("0.000123", "USD", { style: "rate" })).toBe("$0.000123");
    expect(formatMoney("0.5", "USD", { style: "rate" })).toBe("$0.50");
    expect(formatMoney("0", "USD", { style: "rate" })).toBe("$0.00");
  });

  it("exact: a charge shows every debited digit, with a sign on request", () => {
    expect(moneyDisplay("1.234567", "USD")).toEqual({ text: "$1.234567", exact: null });
    expect(formatMoney("10", "USD", { signed: true })).toBe("+$10.00");
    expect(formatMoney("-2.5", "USD", { signed: true })).toBe("-$2.50");
  });
});
