// The customer emails the worker works out, so that no money code changes: orders that reached a
// final state, payments credited or rejected (with the admin's reason), and balances that fell
// below a customer's threshold. Each fact is claimed once in "NotificationSent" (primary key) or,
// for balances, by a conditional update of the preference row, in the same transaction as its
// email enters the outbox: two workers find the same fact, one writes the email.
// Facts older than LOOKBACK (or older than the customer's last change of preferences) are not
// mailed: a worker that was stopped for days does not flood anyone with old news.
import { config } from "@/lib/config";
import type { Db } from "@/lib/db/connection";
import { moneyTransaction, type Tx } from "@/lib/ledger/transaction";
import { enqueueMail, panelLink } from "@/lib/mail/outbox";
import { formatMoney } from "@/lib/money";
import { FINAL_STATES } from "@/lib/orders/state-machine";

const LOOKBACK_MS = 24 * 3_600_000;
const BATCH = 200;

export type NotificationTally = { orders: number; payments: number; lowBalances: number };

/** The fact's key, inserted once; true for the one caller whose insert went in. */
async function claim(tx: Tx, key: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ key: string }[]>`INSERT INTO "NotificationSent" (key) VALUES (${key}) ON CONFLICT (key) DO NOTHING RETURNING key`;
  return rows.length === 1;
}

type FinalOrder = { id: number; state: string; email: string; quantity: number; link: string | null; service: string | null; product: string | null; refund: string | null };

async function notifyFinalOrders(db: Db, since: Date): Promise<number> {
  const rows = await db.$queryRaw<FinalOrder[]>`
    SELECT o.id, o.state::text AS state, u.email, o.quantity, o.link, s.name AS service, pr.name AS product,
      (SELECT SUM(l.amount)::text FROM "LedgerEntry" l WHERE l."orderId" = o.id AND l.amount > 0) AS refund
    FROM "NotificationPreference" p
    JOIN "User" u ON u.id = p."userId"
    JOIN "Order" o ON o."userId" = p."userId"
    LEFT JOIN "Service" s ON s.id = o."serviceId"
    LEFT JOIN "Product" pr ON pr.id = o."productId"
    WHERE p."orderFinal" AND o.state::text = ANY(${FINAL_STATES as string[]})
      AND o."updatedAt" > GREATEST(${since}, p."updatedAt")
      AND NOT EXISTS (SELECT 1 FROM "NotificationSent" n WHERE n.key = 'order-final:' || o.id)
    ORDER BY o."updatedAt" LIMIT ${BATCH}`;
  let sent = 0;
  for (const order of rows) {
    const what = `${order.quantity} × ${order.service ?? order.product ?? "item"}${order.link ? ` for ${order.link}` : ""}`;
    const refund = order.refund ? formatMoney(order.refund, config().PANEL_CURRENCY) : null;
    await moneyTransaction(db, async (tx) => {
      if (!(await claim(tx, `order-final:${order.id}`))) return;
      await enqueueMail(tx, { to: order.email, template: "order-final", data: { orderId: order.id, state: order.state, what, refund, url: panelLink(`/orders/${order.id}`) } });
      sent++;
    });
  }
  return sent;
}

type SettledPayment = { id: number; state: "paid" | "rejected"; email: string; credited: string | null; reason: string | null };

async function notifyPayments(db: Db, since: Date): Promise<number> {
  // No preference row: payments are on by default.
  const rows = await db.$queryRaw<SettledPayment[]>`
    SELECT pay.id, pay.state::text AS state, u.email,
      (COALESCE(pay."creditedAmount", 0) + COALESCE(pay."creditedBonus", 0))::text AS credited, pay."reviewReason" AS reason
    FROM "Payment" pay
    JOIN "User" u ON u.id = pay."userId"
    LEFT JOIN "NotificationPreference" p ON p."userId" = pay."userId"
    WHERE pay.state IN ('paid', 'rejected') AND pay."updatedAt" > GREATEST(${since}, COALESCE(p."updatedAt", ${since}))
      AND COALESCE(p.payments, true)
      AND NOT EXISTS (SELECT 1 FROM "NotificationSent" n WHERE n.key = 'payment:' || pay.id || ':' || pay.state::text)
    ORDER BY pay."updatedAt" LIMIT ${BATCH}`;
  let sent = 0;
  for (const payment of rows) {
    await moneyTransaction(db, async (tx) => {
      if (!(await claim(tx, `payment:${payment.id}:${payment.state}`))) return;
      if (payment.state === "paid") {
        const amount = formatMoney(payment.credited ?? "0", config().PANEL_CURRENCY);
        await enqueueMail(tx, { to: payment.email, template: "payment-credited", data: { paymentId: payment.id, amount, url: panelLink("/funds") } });
      } else {
        const reason = payment.reason?.trim() || "no reason was given";
        await enqueueMail(tx, { to: payment.email, template: "payment-rejected", data: { paymentId: payment.id, reason, url: panelLink("/tickets/new") } });
      }
      sent++;
    });
  }
  return sent;
}

/** Below the threshold and not yet told: tell once. Back at or above it: arm again. */
async function notifyLowBalances(db: Db): Promise<number> {
  return moneyTransaction(db, async (tx) => {
    await tx.$executeRaw`
      UPDATE "NotificationPreference" p SET "lowBalanceNotified" = false
      FROM "User" u WHERE u.id = p."userId" AND p."lowBalanceNotified" AND (p."lowBalanceBelow" IS NULL OR u.balance >= p."lowBalanceBelow")`;
    const low = await tx.$queryRaw<{ email: string; balance: string; threshold: string }[]>`
      UPDATE "NotificationPreference" p SET "lowBalanceNotified" = true
      FROM "User" u WHERE u.id = p."userId" AND p."lowBalanceBelow" IS NOT NULL AND NOT p."lowBalanceNotified" AND u.balance < p."lowBalanceBelow"
      RETURNING u.email, u.balance::text AS balance, p."lowBalanceBelow"::text AS threshold`;
    const currency = config().PANEL_CURRENCY;
    for (const row of low) {
      await enqueueMail(tx, {
        to: row.email,
        template: "low-balance",
        data: { balance: formatMoney(row.balance, currency), threshold: formatMoney(row.threshold, currency), url: panelLink("/funds/add") },
      });
    }
    return low.length;
  });
}

export async function runNotificationPass(db: Db, now = new Date()): Promise<NotificationTally> {
  const since = new Date(now.getTime() - LOOKBACK_MS);
  return {
    orders: await notifyFinalOrders(db, since),
    payments: await notifyPayments(db, since),
    lowBalances: await notifyLowBalances(db),
  };
}
