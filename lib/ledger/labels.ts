// What each ledger kind is called on people's pages (the customer's funds history, the staff
// ledger). Keyed by the database enum, so a new kind does not compile until it has a name here.
import type { LedgerKind } from "@/lib/db/generated/enums";

export const LEDGER_KIND_LABELS: Record<LedgerKind, string> = {
  credit: "Funds added",
  charge: "Order charge",
  refund_failed: "Refund: order not placed",
  refund_partial: "Refund: partial delivery",
  refund_canceled: "Refund: order canceled",
  adjustment: "Adjustment",
  deposit: "Payment",
  bonus: "Payment bonus",
  chargeback: "Payment reversed",
  debit: "Funds deducted",
  refund_manual: "Refund by staff",
  affiliate_commission: "Affiliate commission",
};

export function ledgerKindLabel(kind: string): string {
  return LEDGER_KIND_LABELS[kind as LedgerKind] ?? kind;
}
