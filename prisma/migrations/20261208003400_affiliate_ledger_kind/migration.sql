-- The ledger kind of affiliate commission moved into the main balance (issue 25). Its rules are in
-- the next migration: a new enum value cannot be used in the transaction that adds it.
ALTER TYPE "LedgerKind" ADD VALUE 'affiliate_commission';
