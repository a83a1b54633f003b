// A customer starts a payment: the amount is checked against the method (limits, the currency's
// unit), quoted once (fee, deposit, bonus) and stored as waiting; then, outside any transaction,
// the gateway creates its checkout. A gateway that refuses leaves the payment failed, nothing owed.
import { standingRefusal } from "@/lib/accounts/standing";
import type { Db } from "@/lib/db/connection";
import { Decimal, LEDGER_SCALE, toLedgerString } from "@/lib/money";
import { fail, fieldRefusal, type Failure } from "@/lib/result";
import { moneyTransaction } from "@/lib/ledger/transaction";
import { GatewayError } from "./gateway";
import { adapterFor } from "./gateways";
import { loadMethod } from "./load-method";
import { movePayment } from "./move-payment";
import { openSecrets } from "./method-secrets";
import { paymentPagePath, publicBaseUrl } from "./public-url";
import { currencyScale, quotePayment } from "./quote";
import type { CreatePaymentInput } from "./schemas";

const MAX_WAITING_PER_DAY = 20;

export type CreatePaymentResult = { ok: true; paymentId: number; redirectUrl: string | null } | Failure;

const CHECK_FIELDS = "Check the highlighted fields.";

/** `input` parsed by ZCreatePaymentInput at the boundary; `customer` is the signed-in account. */
export async function createPayment(db: Db, customer: { id: number; email: string }, input: CreatePaymentInput): Promise<CreatePaymentResult> {
  const refusal = standingRefusal(await db.user.findUnique({ where: { id: customer.id }, select: { status: true, emailVerifiedAt: true } }));
  if (refusal) return refusal;
  const loaded = await loadMethod(db, input.methodId);
  if (!loaded || !loaded.method.enabled) return fieldRefusal("method_unavailable", "methodId", "Choose a payment method.", "This method is not available.");
  const { method, quoteMethod, minAmount, maxAmount } = loaded;
  const amount = new Decimal(input.amount);
  const scale = currencyScale(method.gateway, method.currency);
  const field = (code: "invalid_value" | "below_min" | "above_max", message: string, data?: { min?: string; max?: string }) =>
    fieldRefusal(code, "amount", CHECK_FIELDS, message, data);
  if (amount.decimalPlaces() > Math.min(scale, LEDGER_SCALE)) return field("invalid_value", scale === 0 ? `${method.currency} has no decimals.` : `Use at most ${scale} decimals for ${method.currency}.`);
  if (amount.lt(minAmount)) return field("below_min", `The minimum is ${minAmount.toFixed()} ${method.currency}.`, { min: minAmount.toFixed() });
  if (amount.gt(maxAmount)) return field("above_max", `The maximum is ${maxAmount.toFixed()} ${method.currency}.`, { max: maxAmount.toFixed() });
  const reference = input.reference;
  if (method.gateway === "manual" && !reference) return fieldRefusal("required", "reference", CHECK_FIELDS, "Enter the reference of your transfer.");
  // Each waiting payment is a checkout at the gateway: a customer cannot open them without end.
  const open = await db.payment.count({ where: { userId: customer.id, state: "waiting", createdAt: { gt: new Date(Date.now() - 86_400_000) } } });
  if (open >= MAX_WAITING_PER_DAY) return fail("too_many_waiting", `You have ${open} payments waiting. Finish or let them expire before starting another.`, { data: { waiting: open } });
  const quote = quotePayment(quoteMethod, amount);
  if (!quote.creditAmount.gt(0)) return field("below_min", "That amount is too small to credit.");

  const payment = await db.payment.create({
    data: {
      userId: customer.id,
      methodId: method.id,
      gateway: method.gateway,
      amount: toLedgerString(quote.amount),
      fee: toLedgerString(quote.fee),
      payAmount: toLedgerString(quote.payAmount),
      currency: method.currency,
      creditAmount: toLedgerString(quote.creditAmount),
      bonusPercent: quote.bonusPercent.toFixed(4),
      bonusAmount: toLedgerString(quote.bonusAmount),
      reference: method.gateway === "manual" ? reference : null,
    },
    select: { id: true },
  });
  const adapter = adapterFor(method.gateway);
  if (!adapter) {
    await db.paymentEvent.create({ data: { paymentId: payment.id, gateway: "manual", type: "submitted", outcome: "state", message: `reference ${reference}` } });
    return { ok: true, paymentId: payment.id, redirectUrl: null };
  }
  const base = publicBaseUrl();
  try {
    const checkout = await adapter.createCheckout(openSecrets(method.gateway, method.settingsEncrypted), {
      paymentId: payment.id,
      payAmount: quote.payAmount,
      currency: method.currency,
      description: `Funds for ${customer.email} (#${payment.id})`,
      customerEmail: customer.email,
      returnUrl: `${base}${paymentPagePath(payment.id)}`,
      callbackUrl: `${base}/api/payments/${method.gateway}/webhook`,
    });
    await db.payment.update({ where: { id: payment.id }, data: { externalId: checkout.externalId, redirectUrl: checkout.redirectUrl, expiresAt: checkout.expiresAt } });
    await db.paymentEvent.create({ data: { paymentId: payment.id, gateway: method.gateway, type: "checkout.created", outcome: "state", message: checkout.externalId } });
    return { ok: true, paymentId: payment.id, redirectUrl: checkout.redirectUrl };
  } catch (error) {
    const message = error instanceof GatewayError ? error.message : `unexpected: ${(error as Error).message}`;
    if (!(error instanceof GatewayError)) console.error("payment checkout failed", error);
    await moneyTransaction(db, (tx) => movePayment(tx, { id: payment.id, from: "waiting", to: "failed", by: "checkout", data: { flag: null, reportedStatus: "checkout_failed" } }));
    await db.paymentEvent.create({ data: { paymentId: payment.id, gateway: method.gateway, type: "checkout.failed", outcome: "state", message: message.slice(0, 500) } });
    return fail("gateway_failed", "The payment provider could not start this payment. Nothing was charged; try again in a moment.");
  }
}
