// The money overview staff check: what the providers hold for us (each balance with the time it
// was read), what we owe customers, the cover ratio between the two, the value of orders still in
// flight, orders waiting for an operator, and today's revenue and profit. Exact decimals only.
import "server-only";
import type { Db } from "@/lib/db/connection";
import { assertStaff, type AdminResult, type StaffActor } from "@/lib/admin/authorize";
import { Decimal, parseDecimal, toLedgerString } from "@/lib/money";
import { clientForProvider } from "@/lib/providers/manage-providers";
import { moneyTotals } from "@/lib/reports/money-report";
import { fail } from "@/lib/result";
import { config, type Config } from "@/lib/config";

/** Orders whose money is not settled yet: charged, and either running or waiting for an answer. */
const IN_FLIGHT_STATES = ["pending_submit", "unknown", "pending", "in_progress"] as const;

/** COVER_RATIO_WARNING (lib/config.ts): warn when provider funds ÷ customer balances is below it. */
export function coverWarningThreshold(settings: Pick<Config, "COVER_RATIO_WARNING"> = config()): Decimal {
  return new Decimal(settings.COVER_RATIO_WARNING);
}

export type ProviderFunds = {
  id: number;
  name: string;
  enabled: boolean;
  currency: string;
  exchangeRate: string;
  /** null: never read ("not checked") — never counted as zero. */
  balance: string | null;
  /** The balance in the panel currency at the provider's exchange rate. */
  converted: string | null;
  readAt: Date | null;
};

export async function getStaffSummary(db: Db, actor: StaffActor, now = new Date()) {
  assertStaff(actor);
  const todayStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const [customers, owed, providers, inFlight, unknownOrders, flagged, today] = await Promise.all([
    db.user.count({ where: { role: "customer" } }),
    db.user.aggregate({ where: { role: "customer" }, _sum: { balance: true } }),
    db.provider.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, enabled: true, currency: true, exchangeRate: true, lastBalance: true, lastBalanceAt: true } }),
    db.order.aggregate({ where: { state: { in: [...IN_FLIGHT_STATES] } }, _sum: { charge: true }, _count: { _all: true } }),
    db.order.count({ where: { state: "unknown" } }),
    db.order.count({ where: { flag: { not: null } } }),
    moneyTotals(db, { from: todayStart, to: new Date(todayStart.getTime() + 86_400_000) }),
  ]);
  const funds: ProviderFunds[] = providers.map((p) => ({
    id: p.id,
    name: p.name,
    enabled: p.enabled,
    currency: p.currency,
    exchangeRate: p.exchangeRate.toFixed(),
    balance: p.lastBalance?.toFixed() ?? null,
    // Cut at ledger scale like every shown amount (lib/money/format.ts): the overview's total and
    // the list beside it never disagree in the last digit, and funds are never shown above themselves.
    converted: p.lastBalance ? toLedgerString(new Decimal(p.lastBalance.toFixed()).times(p.exchangeRate.toFixed()).toDecimalPlaces(6, Decimal.ROUND_DOWN)) : null,
    readAt: p.lastBalanceAt,
  }));
  const checked = funds.filter((p) => p.converted !== null);
  const upstreamFunds = checked.reduce((sum, p) => sum.plus(p.converted!), new Decimal(0));
  const customerBalances = new Decimal(owed._sum.balance?.toFixed() ?? "0");
  const threshold = coverWarningThreshold();
  // No customer money held: nothing to cover (shown as such, not as an infinite ratio).
  const ratio = customerBalances.gt(0) && checked.length > 0 ? upstreamFunds.div(customerBalances) : null;
  return {
    customers,
    customerBalances: toLedgerString(customerBalances),
    providers: funds,
    uncheckedProviders: funds.filter((p) => p.converted === null).map((p) => p.name),
    upstreamFunds: checked.length > 0 ? toLedgerString(upstreamFunds) : null,
    cover: {
      ratio: ratio?.toFixed(2, Decimal.ROUND_DOWN) ?? null,
      threshold: threshold.toFixed(),
      // Unchecked providers make the figure a lower bound; it still warns, with that said beside it.
      warning: ratio !== null ? ratio.lt(threshold) : customerBalances.gt(0),
    },
    inFlight: { orders: inFlight._count._all, value: toLedgerString(new Decimal(inFlight._sum.charge?.toFixed() ?? "0")) },
    unknownOrders,
    flagged,
    today: { from: todayStart, ...today },
  };
}
export type StaffSummary = Awaited<ReturnType<typeof getStaffSummary>>;

/**
 * Reads one provider's balance now and remembers it with the time. Staff may do this: reading a
 * balance changes no configuration and moves no money — checking balances is the staff role's
 * job. It is not an audited change for the same reason (the worker does it every 10 minutes).
 */
export async function refreshProviderBalance(db: Db, actor: StaffActor, providerId: number): Promise<AdminResult<{ balance: string; currency: string }>> {
  // The one thing staff may start: it refreshes a cached reading of an outside fact, nothing else.
  if (actor.role !== "staff" && actor.role !== "admin") return fail("not_allowed", "You are not allowed to do this.");
  const provider = await db.provider.findUnique({ where: { id: providerId }, select: { name: true } });
  if (!provider) return fail("not_found", "No such provider.");
  let answer;
  try {
    answer = await (await clientForProvider(db, providerId)).balance();
  } catch (error) {
    // Only the key's decryption throws here; its message names the cause and holds no secret.
    return fail("update_failed", (error as Error).message);
  }
  if (!answer.ok) return fail("service_unavailable", `${provider.name} did not give its balance: ${answer.message}`);
  const balance = answer.value.balance.toFixed();
  await db.provider.update({ where: { id: providerId }, data: { lastBalance: balance, lastBalanceAt: new Date() } });
  return { ok: true, balance, currency: answer.value.currency };
}
