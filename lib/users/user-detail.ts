// One account as staff see it: profile, balance, every ledger entry (paged) and recent orders.
import "server-only";
import type { Db } from "@/lib/db/connection";
import { assertStaff, type StaffActor } from "@/lib/admin/authorize";
import { boundedPage } from "@/lib/validation/page-number";
import { toLedgerString } from "@/lib/money";
import { boughtName } from "@/lib/orders/item-name";

export const LEDGER_PAGE_SIZE = 50;

export async function getUserDetail(db: Db, actor: StaffActor, userId: number, options: { ledgerPage?: number } = {}) {
  assertStaff(actor);
  if (!Number.isSafeInteger(userId) || userId <= 0 || userId > 2_147_483_647) return null;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, status: true, balance: true, createdAt: true, _count: { select: { orders: true, ledgerEntries: true } } },
  });
  if (!user) return null;
  const page = boundedPage(options.ledgerPage);
  const [entries, orders] = await Promise.all([
    db.ledgerEntry.findMany({
      where: { userId },
      orderBy: { id: "desc" },
      skip: (page - 1) * LEDGER_PAGE_SIZE,
      take: LEDGER_PAGE_SIZE,
      select: {
        id: true, kind: true, amount: true, balanceAfter: true, orderId: true, reason: true, createdAt: true,
        actor: { select: { id: true, email: true } },
      },
    }),
    db.order.findMany({
      where: { userId },
      orderBy: { id: "desc" },
      take: 10,
      select: {
        id: true, createdAt: true, state: true, quantity: true, charge: true, upstreamOrderId: true, flag: true, itemName: true,
        service: { select: { name: true } }, product: { select: { name: true } }, provider: { select: { name: true } },
      },
    }),
  ]);
  const { _count, balance, ...profile } = user;
  return {
    user: { ...profile, balance: toLedgerString(balance), orderCount: _count.orders },
    ledger: {
      page,
      pageSize: LEDGER_PAGE_SIZE,
      total: _count.ledgerEntries,
      entries: entries.map((e) => ({ ...e, id: e.id.toString(), amount: toLedgerString(e.amount), balanceAfter: toLedgerString(e.balanceAfter) })),
    },
    orders: orders.map(({ service, product, provider, charge, ...o }) => ({
      ...o,
      item: boughtName({ itemName: o.itemName, service, product }),
      provider: provider.name,
      charge: toLedgerString(charge),
    })),
  };
}
export type UserDetail = NonNullable<Awaited<ReturnType<typeof getUserDetail>>>;
