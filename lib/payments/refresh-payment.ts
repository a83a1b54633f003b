// The customer's payment page asks here while a payment is waiting. It answers from the database
// and, at most every REFRESH_EVERY_MS per payment, asks the gateway too, so that a lost webhook
// does not leave a paid payment waiting (the answer goes through the same applyGatewayReport).
import "server-only";
import type { Db } from "@/lib/db/connection";
import { toLedgerString } from "@/lib/money";
import { askGatewayOnce, WAITING_PAYMENT_SELECT } from "./ask-gateway";

const REFRESH_EVERY_MS = 10_000;

export type PaymentStatusView = { id: number; state: string; balance: string | null };

/** Another customer's payment id answers like a missing one (null). */
export async function refreshPayment(db: Db, customerId: number, paymentId: number): Promise<PaymentStatusView | null> {
  const payment = await db.payment.findFirst({ where: { id: paymentId, userId: customerId }, select: { ...WAITING_PAYMENT_SELECT, state: true } });
  if (!payment) return null;
  if (payment.state === "waiting" && Date.now() - payment.updatedAt.getTime() > REFRESH_EVERY_MS) await askGatewayOnce(db, payment);
  const current = await db.payment.findUniqueOrThrow({ where: { id: payment.id }, select: { state: true, user: { select: { balance: true } } } });
  return { id: payment.id, state: current.state, balance: current.state === "paid" ? toLedgerString(current.user.balance) : null };
}
