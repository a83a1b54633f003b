// The customer's payment page asks here while a payment is waiting. It answers from the database
// and, at most every REFRESH_EVERY_MS per payment, asks the gateway too, so that a lost webhook
// does not leave a paid payment waiting (the answer goes through the same applyGatewayReport).
import "server-only";
import type { Db } from "@/lib/db/connection";
import { applyGatewayReport } from "./apply-report";
import { adapterFor } from "./gateways";
import { openSecrets } from "./method-secrets";
import { toLedgerString } from "@/lib/money";

const REFRESH_EVERY_MS = 10_000;

export type PaymentStatusView = { id: number; state: string; balance: string | null };

/** Another customer's payment id answers like a missing one (null). */
export async function refreshPayment(db: Db, customerId: number, paymentId: number): Promise<PaymentStatusView | null> {
  const payment = await db.payment.findFirst({
    where: { id: paymentId, userId: customerId },
    select: { id: true, state: true, gateway: true, externalId: true, updatedAt: true, method: { select: { settingsEncrypted: true } } },
  });
  if (!payment) return null;
  const adapter = adapterFor(payment.gateway);
  if (payment.state === "waiting" && adapter && payment.externalId && Date.now() - payment.updatedAt.getTime() > REFRESH_EVERY_MS) {
    // Touch first so that concurrent polls do not all ask the gateway.
    const claimed = await db.payment.updateMany({ where: { id: payment.id, state: "waiting", updatedAt: payment.updatedAt }, data: { updatedAt: new Date() } });
    if (claimed.count === 1) {
      try {
        const { status, report } = await adapter.fetchStatus(openSecrets(payment.gateway, payment.method.settingsEncrypted), payment.externalId);
        await applyGatewayReport(db, { gateway: payment.gateway, lookup: { paymentId: payment.id }, status, report, type: "poll" });
      } catch (error) {
        console.error(`payment ${payment.id}: status check failed`, (error as Error).message);
      }
    }
  }
  const current = await db.payment.findUniqueOrThrow({ where: { id: payment.id }, select: { state: true, user: { select: { balance: true } } } });
  return { id: payment.id, state: current.state, balance: current.state === "paid" ? toLedgerString(current.user.balance) : null };
}
