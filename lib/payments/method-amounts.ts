// A payment method's numbers as the pages show them (exact decimal text), for the customer's
// list of offers and the staff's list of methods alike.

type MethodNumbers = { exchangeRate: { toFixed(): string }; minAmount: { toFixed(): string }; maxAmount: { toFixed(): string }; feePercent: { toFixed(): string } };

export function methodAmounts(m: MethodNumbers) {
  return { exchangeRate: m.exchangeRate.toFixed(), minAmount: m.minAmount.toFixed(), maxAmount: m.maxAmount.toFixed(), feePercent: m.feePercent.toFixed() };
}
