import "server-only";
import { getDb } from "@/lib/db/client";
import { Decimal } from "@/lib/money";

/**
 * The money overview staff check: what customers hold (what we owe them in service), what the
 * providers hold for us (last checked balance), and orders waiting for an operator.
 */
export async function getStaffSummary() {
  const db = await getDb();
  const [customers, owed, providers, unknownOrders, flagged, ordersToday] = await Promise.all([
    db.user.count({ where: { role: "customer" } }),
    db.user.aggregate({ where: { role: "customer" }, _sum: { balance: true } }),
    db.provider.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, currency: true, exchangeRate: true, lastBalance: true, lastBalanceAt: true, enabled: true } }),
    db.order.count({ where: { state: { in: ["unknown"] } } }),
    db.order.count({ where: { flag: { not: null } } }),
    db.order.count({ where: { createdAt: { gte: new Date(Date.now() - 24 * 3600_000) } } }),
  ]);
  const upstreamFunds = providers.reduce(
    (sum, p) => (p.lastBalance ? sum.plus(new Decimal(p.lastBalance.toString()).times(p.exchangeRate.toString())) : sum),
    new Decimal(0),
  );
  return {
    customers,
    customerBalances: (owed._sum.balance ?? 0).toString(),
    upstreamFunds: upstreamFunds.toString(),
    providers: providers.map((p) => ({ ...p, exchangeRate: p.exchangeRate.toString(), lastBalance: p.lastBalance?.toString() ?? null })),
    unknownOrders,
    flagged,
    ordersToday,
  };
}
