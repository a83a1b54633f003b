export { creditFunds, type CreditFundsResult } from "./credit-funds";
export { verifyLedger, type LedgerMismatch, type LedgerReport, type LedgerTotals } from "./verify-ledger";
export { ZCreditFundsInput, ZMoneyAmount, type CreditFundsInput } from "./schemas";
