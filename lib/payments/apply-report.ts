// The only code that acts on what a gateway says about a payment. Each report is applied in one
// transaction: movePayment (./move-payment.ts: the conditional state update only the first matching
// report wins, and the money the payment's table gives that move), and a PaymentEvent saying what happened. Replays, duplicates and
// out-of-order reports lose the conditional update and change nothing but the event log.
import type { Db } from "@/lib/db/connection";
import type { PaymentGateway, PaymentState } from "@/lib/db/generated/enums";
import { fromDb } from "@/lib/money/db-decimal";
import { moneyTransaction, type Tx } from "@/lib/ledger/transaction";
import { type Decimal, toLedgerString } from "@/lib/money";
import { applyReversal } from "./apply-reversal";
import type { GatewayReport } from "./gateway";
import { movePayment, type PaymentMove } from "./move-payment";

export type PaymentLookup = { externalId: string } | { paymentId: number } | { externalRef: string };

export type ReportOutcome = "credited" | "flagged" | "state" | "duplicate" | "ignored" | "noted" | "charged_back" | "unknown_payment";

export type ApplyReportInput = {
  gateway: PaymentGateway;
  lookup: PaymentLookup;
  status: string;
  report: GatewayReport;
  /** The event's type and id as the gateway named them, and a bounded excerpt of its body. */
  type: string;
  externalEventId?: string | null;
  payload?: unknown;
};

const NOT_YET_CREDITED: PaymentState[] = ["waiting"];
const CLOSED_UNPAID: PaymentState[] = ["failed", "expired", "canceled"];

/** Event payloads are kept for staff, bounded so that a flood of callbacks cannot bloat the table. */
export function excerpt(payload: unknown): object | null {
  if (payload === undefined || payload === null) return null;
  const text = JSON.stringify(payload);
  return text.length <= 8_000 ? (JSON.parse(text) as object) : { truncated: text.slice(0, 8_000) };
}

export async function applyGatewayReport(db: Db, input: ApplyReportInput): Promise<{ outcome: ReportOutcome; paymentId: number | null }> {
  return moneyTransaction(db, async (tx) => {
    const where =
      "externalId" in input.lookup
        ? { gateway_externalId: { gateway: input.gateway, externalId: input.lookup.externalId } }
        : "paymentId" in input.lookup
          ? { id: input.lookup.paymentId }
          : null;
    const found = where
      ? await tx.payment.findUnique({ where })
      : await tx.payment.findFirst({ where: { gateway: input.gateway, externalRef: (input.lookup as { externalRef: string }).externalRef } });
    const payment = found && found.gateway === input.gateway ? found : null;
    const log = (outcome: ReportOutcome, message: string) =>
      tx.paymentEvent
        .create({
          data: {
            paymentId: payment?.id ?? null,
            gateway: input.gateway,
            externalEventId: input.externalEventId ?? null,
            type: input.type,
            outcome,
            message,
            payload: excerpt(input.payload) ?? undefined,
          },
        })
        .then(() => ({ outcome, paymentId: payment?.id ?? null }));
    if (!payment) return log("unknown_payment", `no ${input.gateway} payment for ${JSON.stringify(input.lookup)}`);

    const reported = { reportedStatus: input.status.slice(0, 100) };
    const moveFrom = async (from: PaymentState[], to: PaymentState, data: PaymentMove["data"], money?: PaymentMove["money"]): Promise<boolean> =>
      (await movePayment(tx, { id: payment.id, from, to, by: "gateway", data: { ...reported, ...data }, money })).moved;
    const report = input.report;

    switch (report.kind) {
      case "paid": {
        const mismatch = amountMismatch(payment, report.amount, report.currency);
        const reportedMoney = { reportedAmount: report.amount.toFixed(), reportedCurrency: report.currency.slice(0, 20) };
        if (mismatch) {
          if (await moveFrom(NOT_YET_CREDITED, "flagged", { flag: mismatch, ...reportedMoney })) return log("flagged", mismatch);
          return late(tx, payment.id, log, "paid", reportedMoney);
        }
        const overpaid = report.overpaidBy?.gt(0) ? `overpaid by ${report.overpaidBy.toFixed()} ${payment.currency}: refund or credit it by hand` : null;
        const deposit = fromDb(payment.creditAmount);
        const bonus = fromDb(payment.bonusAmount);
        const won = await moveFrom(
          NOT_YET_CREDITED,
          "paid",
          {
            creditedAmount: toLedgerString(deposit),
            creditedBonus: toLedgerString(bonus),
            externalRef: report.externalRef ?? payment.externalRef,
            paidAt: new Date(),
            flag: overpaid,
            ...reportedMoney,
          },
          { reason: `Payment #${payment.id} (${payment.gateway})` },
        );
        if (!won) return late(tx, payment.id, log, "paid", reportedMoney);
        return log("credited", `credited ${toLedgerString(deposit)}${bonus.gt(0) ? ` + bonus ${toLedgerString(bonus)}` : ""}${overpaid ? `; ${overpaid}` : ""}`);
      }
      case "underpaid": {
        const message = `underpaid: the gateway received ${report.paid?.toFixed() ?? "less"} of ${payment.payAmount.toFixed()} ${payment.currency}`;
        const reportedMoney = { reportedAmount: (report.paid ?? report.amount).toFixed(), reportedCurrency: report.currency.slice(0, 20) };
        if (await moveFrom(NOT_YET_CREDITED, "flagged", { flag: message, ...reportedMoney })) return log("flagged", message);
        return late(tx, payment.id, log, "underpaid", reportedMoney);
      }
      case "failed":
      case "expired":
      case "canceled": {
        if (await moveFrom(NOT_YET_CREDITED, report.kind, {})) return log("state", `${report.kind}: nothing credited`);
        return log("ignored", `${report.kind} reported while the payment is ${(await stateOf(tx, payment.id))}: nothing changed`);
      }
      case "pending":
        return log("ignored", `still pending (${input.status})`);
      case "note": {
        if (report.flag) await tx.payment.updateMany({ where: { id: payment.id, flag: null }, data: { flag: report.message, reviewedAt: null } });
        return log("noted", report.message);
      }
      case "reversed":
        return applyReversal(tx, payment.id, report, log, reported);
    }
  });
}

type Log = (outcome: ReportOutcome, message: string) => Promise<{ outcome: ReportOutcome; paymentId: number | null }>;
type PaymentRow = NonNullable<Awaited<ReturnType<Tx["payment"]["findUnique"]>>>;

function amountMismatch(payment: PaymentRow, amount: Decimal, currency: string): string | null {
  if (currency.toUpperCase() !== payment.currency.toUpperCase()) return `currency mismatch: paid in ${currency}, asked ${payment.currency}`;
  if (!amount.eq(fromDb(payment.payAmount))) return `amount mismatch: paid ${amount.toFixed()} ${currency}, asked ${payment.payAmount.toFixed()}`;
  return null;
}

async function stateOf(tx: Tx, paymentId: number): Promise<PaymentState> {
  return (await tx.payment.findUniqueOrThrow({ where: { id: paymentId }, select: { state: true } })).state;
}

/**
 * Money reported for a payment that is no longer waiting. Already credited (or flagged): a replay,
 * nothing to do. Closed unpaid (expired, failed, canceled): money arrived late; it is not credited
 * but the payment is flagged so that an admin decides.
 */
async function late(tx: Tx, paymentId: number, log: Log, what: string, reportedMoney: object) {
  const message = `${what} reported after the payment was closed unpaid: not credited, review it`;
  const moved = await movePayment(tx, { id: paymentId, from: CLOSED_UNPAID, to: "flagged", by: "gateway", data: { flag: message, ...reportedMoney } });
  if (moved.moved) return log("flagged", message);
  return log("duplicate", `${what} reported again while the payment is ${await stateOf(tx, paymentId)}: nothing changed`);
}
