// A payment method with its bonus rules as exact decimals, ready for quoting.
import type { Db } from "@/lib/db/connection";
import { fromDb } from "@/lib/money/db-decimal";
import type { Tx } from "@/lib/ledger/transaction";
import type { QuoteMethod } from "./quote";

export async function loadMethod(db: Db | Tx, methodId: number) {
  const method = await db.paymentMethod.findUnique({ where: { id: methodId }, include: { bonusRules: { orderBy: { minAmount: "asc" } } } });
  if (!method) return null;
  const quoteMethod: QuoteMethod = {
    gateway: method.gateway,
    currency: method.currency,
    exchangeRate: fromDb(method.exchangeRate),
    feePercent: fromDb(method.feePercent),
    bonusRules: method.bonusRules.map((r) => ({ minAmount: fromDb(r.minAmount), percent: fromDb(r.percent) })),
  };
  return { method, quoteMethod, minAmount: fromDb(method.minAmount), maxAmount: fromDb(method.maxAmount) };
}
