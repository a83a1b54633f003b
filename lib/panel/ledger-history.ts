import "server-only";
import type { Db } from "@/lib/db/connection";
import { toLedgerString } from "@/lib/money";
import { boundedPage } from "@/lib/validation/page-number";

/** A customer's own ledger entries, newest first: every change of their balance, explained. */
export async function listLedgerEntries(db: Db, customerId: number, options: { page?: number; pageSize?: number } = {}) {
  const page = boundedPage(options.page);
  const pageSize = Math.min(100, Math.max(1, Math.floor(options.pageSize ?? 50)));
  const [entries, total] = await Promise.all([
    db.ledgerEntry.findMany({
      where: { userId: customerId },
      orderBy: { id: "desc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { id: true, kind: true, amount: true, balanceAfter: true, orderId: true, reason: true, createdAt: true },
    }),
    db.ledgerEntry.count({ where: { userId: customerId } }),
  ]);
  return {
    entries: entries.map((e) => ({ ...e, id: e.id.toString(), amount: toLedgerString(e.amount), balanceAfter: toLedgerString(e.balanceAfter) })),
    total,
    page,
    pageSize,
  };
}
