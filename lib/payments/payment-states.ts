// Everything a payment can do, in one table: which state may follow which, who makes the move and
// what it does to the customer's money. Code changes Payment.state only through `movePayment`
// (./move-payment.ts), and the database refuses any change this table does not list (a trigger on
// "Payment" checks "PaymentStateTransition", which a migration fills with the same pairs;
// payment-states.test.ts keeps the two equal).
import type { PaymentState } from "@/lib/db/generated/enums";

export type { PaymentState };

/**
 * checkout: creating the payment (and its gateway checkout failing); gateway: a report from the
 * gateway (webhook, or the reconciler asking it); admin: a decision in the review queue.
 */
export type PaymentActor = "checkout" | "gateway" | "admin";

/** credit: the deposit and its bonus are credited; chargeback: one report's share of the credit is taken back if the balance covers it. */
export type PaymentMoney = "credit" | "chargeback" | "none";

export type PaymentTransition = { from: PaymentState | null; to: PaymentState; by: readonly PaymentActor[]; money: PaymentMoney; why: string };

const CLOSED_UNPAID = ["failed", "expired", "canceled"] as const;

export const PAYMENT_TRANSITIONS: readonly PaymentTransition[] = [
  { from: null, to: "waiting", by: ["checkout"], money: "none", why: "a customer starts paying" },
  { from: "waiting", to: "failed", by: ["checkout", "gateway"], money: "none", why: "the checkout could not be created, or the gateway says it failed" },
  { from: "waiting", to: "expired", by: ["gateway"], money: "none", why: "the checkout expired unpaid" },
  { from: "waiting", to: "canceled", by: ["gateway"], money: "none", why: "the customer or the gateway canceled it" },
  { from: "waiting", to: "paid", by: ["gateway", "admin"], money: "credit", why: "the amount asked arrived, or an admin approved a manual transfer" },
  { from: "waiting", to: "flagged", by: ["gateway"], money: "none", why: "money arrived that we do not credit by ourselves (wrong amount or currency)" },
  ...CLOSED_UNPAID.map((from) => ({ from, to: "flagged" as const, by: ["gateway"] as const, money: "none" as const, why: "money reported after the payment closed unpaid" })),
  { from: "flagged", to: "paid", by: ["admin"], money: "credit", why: "an admin credits what arrived" },
  { from: "waiting", to: "rejected", by: ["admin"], money: "none", why: "an admin refused a manual transfer" },
  { from: "flagged", to: "rejected", by: ["admin"], money: "none", why: "an admin refused what arrived" },
  { from: "paid", to: "charged_back", by: ["gateway"], money: "chargeback", why: "the gateway reports a refund or dispute" },
  { from: "charged_back", to: "charged_back", by: ["gateway"], money: "chargeback", why: "the gateway reports a further refund or dispute of a charged-back payment" },
];

/** Credited payments: a deposit entry exists (and stays, a chargeback is its own entry). */
export const CREDITED_PAYMENT_STATES: readonly PaymentState[] = ["paid", "charged_back"];

/** What entering `state` does to the money; every move into one state has the same effect (a test checks). */
export function paymentMoneyOnEntering(state: PaymentState): PaymentMoney {
  const effects = new Set(PAYMENT_TRANSITIONS.filter((t) => t.to === state).map((t) => t.money));
  if (effects.size > 1) throw new Error(`payment transitions into ${state} disagree on money: ${[...effects].join(", ")}`);
  return effects.values().next().value ?? "none";
}

export function isListedPaymentTransition(from: PaymentState, to: PaymentState, by: PaymentActor): boolean {
  return PAYMENT_TRANSITIONS.some((t) => t.from === from && t.to === to && t.by.includes(by));
}

/** The (from, to) pairs the database trigger allows; the migration writes the same. */
export function allowedPaymentStatePairs(): [PaymentState, PaymentState][] {
  const pairs = new Map<string, [PaymentState, PaymentState]>();
  for (const t of PAYMENT_TRANSITIONS) if (t.from) pairs.set(`${t.from}>${t.to}`, [t.from, t.to]);
  return [...pairs.values()];
}
