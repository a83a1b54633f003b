// Asking a gateway about a waiting payment, shared by the customer's page (refresh-payment.ts) and
// the worker's sweep (reconcile-waiting-payments.ts): a lost webhook must not leave money paid but
// uncredited. The payment is touched first with a conditional update, so that of several callers
// at once (two tabs, two workers) only one asks; the answer goes through applyGatewayReport, the
// one road that credits. No "server-only" here: the worker process runs this too.
import type { Db } from "@/lib/db/connection";
import type { PaymentGateway } from "@/lib/db/generated/enums";
import { applyGatewayReport, type ReportOutcome } from "./apply-report";
import { adapterFor } from "./gateways";
import { openSecrets } from "./method-secrets";

export type WaitingPayment = {
  id: number;
  gateway: PaymentGateway;
  externalId: string | null;
  updatedAt: Date;
  method: { settingsEncrypted: string | null };
};

export const WAITING_PAYMENT_SELECT = {
  id: true, gateway: true, externalId: true, updatedAt: true, method: { select: { settingsEncrypted: true } },
} as const;

/** null: not asked (no gateway to ask, or another caller asked first); otherwise what the report did. */
export async function askGatewayOnce(db: Db, payment: WaitingPayment): Promise<ReportOutcome | "error" | null> {
  const adapter = adapterFor(payment.gateway);
  if (!adapter || !payment.externalId) return null;
  const claimed = await db.payment.updateMany({ where: { id: payment.id, state: "waiting", updatedAt: payment.updatedAt }, data: { updatedAt: new Date() } });
  if (claimed.count !== 1) return null;
  try {
    const { status, report } = await adapter.fetchStatus(openSecrets(payment.gateway, payment.method.settingsEncrypted), payment.externalId);
    return (await applyGatewayReport(db, { gateway: payment.gateway, lookup: { paymentId: payment.id }, status, report, type: "poll" })).outcome;
  } catch (error) {
    console.error(`payment ${payment.id}: status check failed`, (error as Error).message);
    return "error";
  }
}
