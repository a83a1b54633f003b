// The ledger-scale text every stored amount is written and compared as.
import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/db/generated/client";
import { Decimal, toLedgerString } from "./decimal";

describe("toLedgerString", () => {
  it("writes six decimals, padded, for our Decimal and for a database Decimal", () => {
    expect(toLedgerString(new Decimal("12.5"))).toBe("12.500000");
    expect(toLedgerString(new Decimal("-0.000001"))).toBe("-0.000001");
    expect(toLedgerString(new Prisma.Decimal("3"))).toBe("3.000000");
  });

  it("rounds as the value's own class does, like toFixed(6)", () => {
    const value = new Decimal("0.0000025");
    expect(toLedgerString(value)).toBe(value.toFixed(6));
    expect(toLedgerString(value)).toBe("0.000002");
  });
});
