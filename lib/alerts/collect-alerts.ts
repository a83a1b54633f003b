// What the owner should know now, as alerts with stable keys (until the Autopilot alert list lands):
// a provider whose last read balance is below ALERT_PROVIDER_BALANCE_BELOW, orders whose upstream
// answer was lost (unknown, waiting for staff), and chargebacks a customer still owes. A key names
// the fact, so the same fact seen on every pass is one alert; a new unknown order changes the
// unknown-orders key (it carries the newest id), so it is news again.
import type { Tx } from "@/lib/ledger/transaction";
import { config } from "@/lib/config";
import { Decimal } from "@/lib/money";

export type AlertFact = { key: string; text: string };

/** Chargebacks listed one per line up to this many; more are summed up in one line. */
const MAX_LISTED = 20;

export async function collectAlerts(db: Tx): Promise<AlertFact[]> {
  const facts: AlertFact[] = [];
  const below = config().ALERT_PROVIDER_BALANCE_BELOW;
  if (below !== undefined) {
    const providers = await db.provider.findMany({
      where: { enabled: true, lastBalance: { lt: new Decimal(below).toFixed() } },
      select: { id: true, name: true, currency: true, lastBalance: true },
      orderBy: { id: "asc" },
    });
    for (const p of providers) {
      facts.push({ key: `provider-balance-low:${p.id}`, text: `Provider "${p.name}" balance is ${p.lastBalance!.toFixed()} ${p.currency}, below ${below}.` });
    }
  }

  const unknown = await db.order.aggregate({ where: { state: "unknown" }, _count: { _all: true }, _max: { id: true } });
  if (unknown._count._all > 0) {
    const n = unknown._count._all;
    facts.push({ key: `unknown-orders:${unknown._max.id}`, text: `${n} order${n === 1 ? "" : "s"} wait${n === 1 ? "s" : ""} for staff: the provider's answer was lost (Orders → To resolve).` });
  }

  // Refund and dispute reports whose take-back the balance did not cover (no chargeback entry yet).
  const owed = await db.paymentReversal.findMany({
    where: { amount: { gt: 0 }, ledgerEntries: { none: {} }, payment: { state: "charged_back" } },
    select: { id: true, amount: true, payment: { select: { id: true, user: { select: { email: true } } } } },
    orderBy: { id: "asc" },
    take: MAX_LISTED + 1,
  });
  for (const r of owed.slice(0, MAX_LISTED)) {
    facts.push({ key: `chargeback-owed:${r.id}`, text: `Payment #${r.payment.id} of ${r.payment.user.email}: a chargeback of ${r.amount.toFixed()} is still owed.` });
  }
  if (owed.length > MAX_LISTED) facts.push({ key: `chargeback-owed:more:${owed.at(-1)!.id}`, text: "More chargebacks are owed: see Payments → Review." });
  return facts;
}
