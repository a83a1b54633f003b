import { describe, expect, it } from "vitest";
import { Decimal } from "./decimal";
import { exactMoneyText, formatMoney } from "./format";

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
    expect(formatMoney("12.5", "EUR", "de-DE")).toBe("12,50\u00a0€");
    expect(formatMoney("12.5", "NOT-A-CODE")).toBe("12.50 NOT-A-CODE");
  });

  it("keeps digits a JS number would lose", () => {
    expect(exactMoneyText("90071992547409.930001")).toBe("90071992547409.930001");
    expect(formatMoney("90071992547409.930001", "USD")).toBe("$90,071,992,547,409.930001");
  });
});
