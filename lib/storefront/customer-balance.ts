// The signed-in customer's balance as exact text, for page headers and "new balance" after placing.
import type { Db } from "@/lib/db/connection";
import { toLedgerString } from "@/lib/money";

export async function getCustomerBalance(db: Db, customerId: number): Promise<string | null> {
  const row = await db.user.findUnique({ where: { id: customerId }, select: { balance: true } });
  return row ? toLedgerString(row.balance) : null;
}
