// A customer starts a payment: the amount is checked against the method (limits, the currency's
// unit), quoted once (fee, deposit, bonus) and stored as waiting; then, outside any transaction,
// the gateway creates its checkout. A gateway that refuses leaves the payment failed, nothing owed.
import type { Db } from "@/lib/db/connection";
import { Decimal, LEDGER_SCALE, toLedgerString } from "@/lib/money";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { GatewayError } from "./gateway";
import { adapterFor } from "./gateways";
import { loadMethod } from "./load-method";
import { openSecrets } from "./method-secrets";
import { paymentPagePath, publicBaseUrl } from "./public-url";
import { currencyScale, quotePayment } from "./quote";
import { ZCreatePaymentInput } from "./schemas";

const MAX_WAITING_PER_DAY = 20;

export type CreatePaymentResult =
  | { ok: true; paymentId: number; redirectUrl: string | null }
  | { ok: false; code: "invalid" | "method" | "gateway"; error: string; fieldErrors?: Record<string, string> };

export async function createPayment(db: Db, customer: { id: number; email: string }, input: unknown): Promise<CreatePaymentResult> {
  const parsed = ZCreatePaymentInput.safeParse(input);
  if (!parsed.success) return { ok: false, code: "invalid", error: "Check the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error) };
  const loaded = await loadMethod(db, parsed.data.methodId);
  if (!loaded || !loaded.method.enabled) return { ok: false, code: "method", error: "Choose a payment method.", fieldErrors: { methodId: "This method is not available." } };
  const { method, quoteMethod, minAmount, maxAmount } = loaded;
  const amount = new Decimal(parsed.data.amount);
  const scale = currencyScale(method.gateway, method.currency);
  const field = (message: string): CreatePaymentResult => ({ ok: false, code: "invalid", error: "Check the highlighted fields.", fieldErrors: { amount: message } });
  if (amount.decimalPlaces() > Math.min(scale, LEDGER_SCALE)) return field(scale === 0 ? `${method.currency} has no decimals.` : `Use at most ${scale} decimals for ${method.currency}.`);
  if (amount.lt(minAmount)) return field(`The minimum is ${minAmount.toFixed()} ${method.currency}.`);
  if (amount.gt(maxAmount)) return field(`The maximum is ${maxAmount.toFixed()} ${method.currency}.`);
  const reference = parsed.data.reference;
  if (method.gateway === "manual" && !reference) return { ok: false, code: "invalid", error: "Check the highlighted fields.", fieldErrors: { reference: "Enter the reference of your transfer." } };
  // Each waiting payment is a checkout at the gateway: a customer cannot open them without end.
  const open = await db.payment.count({ where: { userId: customer.id, state: "waiting", createdAt: { gt: new Date(Date.now() - 86_400_000) } } });
  if (open >= MAX_WAITING_PER_DAY) return { ok: false, code: "invalid", error: `You have ${open} payments waiting. Finish or let them expire before starting another.` };
  const quote = quotePayment(quoteMethod, amount);
  if (!quote.creditAmount.gt(0)) return field("That amount is too small to credit.");

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
    await db.payment.update({ where: { id: payment.id }, data: { state: "failed", flag: null, reportedStatus: "checkout_failed" } });
    await db.paymentEvent.create({ data: { paymentId: payment.id, gateway: method.gateway, type: "checkout.failed", outcome: "state", message: message.slice(0, 500) } });
    return { ok: false, code: "gateway", error: "The payment provider could not start this payment. Nothing was charged; try again in a moment." };
  }
}
