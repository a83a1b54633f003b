-- Sign and order rules for the ledger kinds added in the previous migration (a new enum value
-- cannot be used in the transaction that adds it, hence a second migration).
ALTER TABLE "LedgerEntry" DROP CONSTRAINT "LedgerEntry_sign";
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_sign" CHECK (
  ("kind" IN ('charge', 'chargeback', 'debit') AND "amount" <= 0)
  OR ("kind" IN ('credit', 'refund_failed', 'refund_partial', 'refund_canceled', 'refund_manual', 'deposit', 'bonus') AND "amount" >= 0)
  OR "kind" = 'adjustment'
);
ALTER TABLE "LedgerEntry" DROP CONSTRAINT "LedgerEntry_order_entries_have_order";
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_order_entries_have_order" CHECK (
  "kind" IN ('credit', 'adjustment', 'deposit', 'bonus', 'chargeback', 'debit') OR "orderId" IS NOT NULL
);
