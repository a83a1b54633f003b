// Cryptomus payment statuses (doc.cryptomus.com/business/payments/payment-statuses) in the
// panel's terms. paid: exactly the invoice; paid_over: more than asked (credited as asked, the
// surplus flagged for staff); wrong_amount: less than asked, final (not credited: flagged);
// wrong_amount_waiting: less so far, the payer may still top up (waiting).
import { Decimal, parseDecimal } from "@/lib/money";
import type { GatewayReport } from "../gateway";

export type CryptomusPaymentFields = {
  status?: unknown;
  payment_status?: unknown;
  amount?: unknown;
  payment_amount?: unknown;
  currency?: unknown;
  is_final?: unknown;
};

export function reportForCryptomus(fields: CryptomusPaymentFields): { status: string; report: GatewayReport } {
  const status = String(fields.status ?? fields.payment_status ?? "");
  const amount = parseDecimal(fields.amount) ?? new Decimal(0);
  const paid = parseDecimal(fields.payment_amount);
  const currency = String(fields.currency ?? "");
  switch (status) {
    case "paid":
      return { status, report: { kind: "paid", amount, currency } };
    case "paid_over":
      return { status, report: { kind: "paid", amount, currency, overpaidBy: paid ? paid.minus(amount) : null } };
    case "wrong_amount":
      return { status, report: { kind: "underpaid", amount, currency, paid } };
    case "cancel":
      // The customer did not pay before the invoice's lifetime ran out.
      return { status, report: { kind: "expired" } };
    case "fail":
    case "system_fail":
      return { status, report: { kind: "failed" } };
    case "refund_paid":
      // Cryptomus refunds what was paid and sends no event id: the status and amount name the report,
      // so a resent notification is a replay and a second refund adds only what it reports beyond.
      return { status, report: { kind: "reversed", reversal: "refund", key: `${status}:${(paid ?? amount).toFixed()}`, amount: paid ?? amount, of: paid ?? amount, reason: "Refund" } };
    case "refund_process":
    case "refund_fail":
      return { status, report: { kind: "note", message: `Cryptomus ${status.replace("_", " ")}` } };
    case "locked":
      return { status, report: { kind: "note", message: "Cryptomus locked the funds (AML check): wait for their decision", flag: true } };
    default:
      // process, check, confirm_check, wrong_amount_waiting: not final yet.
      return { status, report: { kind: "pending" } };
  }
}
