// The one interface every gateway implements: create a checkout (a page to send the customer to)
// and read a payment's status back; each gateway's webhook handler verifies its callbacks and turns
// them into a GatewayReport, which lib/payments/apply-report.ts alone acts on.
import type { PaymentGateway } from "@/lib/db/generated/enums";
import type { Decimal } from "@/lib/money";
import type { MethodSecrets } from "./method-secrets";

export type CheckoutRequest = {
  paymentId: number;
  payAmount: Decimal;
  currency: string;
  description: string;
  customerEmail: string;
  /** Where the gateway sends the customer back (the payment's own page). */
  returnUrl: string;
  /** Where the gateway posts its callbacks. */
  callbackUrl: string;
};

export type CheckoutResult = { externalId: string; redirectUrl: string; expiresAt: Date | null };

/** What a gateway said about a payment, in the panel's terms. Amounts are in the payment's currency. */
export type GatewayReport =
  | { kind: "paid"; amount: Decimal; currency: string; overpaidBy?: Decimal | null; externalRef?: string | null }
  | { kind: "underpaid"; amount: Decimal; currency: string; paid: Decimal | null }
  | { kind: "pending" }
  | { kind: "failed" }
  | { kind: "expired" }
  | { kind: "canceled" }
  /**
   * A refund or a dispute of `of` paid (null: of the payment's payAmount). A refund's `amount` is the
   * refunded total so far (gateways report refunds cumulatively); a dispute's is that dispute's own.
   * `key` names the report once per payment (Stripe's event id, a dispute's id …): the same key twice
   * is a replay.
   */
  | { kind: "reversed"; reversal: "refund" | "dispute"; key: string; amount: Decimal; of: Decimal | null; reason: string }
  /** Something worth keeping that moves no money (a refund being processed, AML lock …). */
  | { kind: "note"; message: string; flag?: boolean };

export type ReportedStatus = { status: string; report: GatewayReport };

export interface GatewayAdapter {
  gateway: Exclude<PaymentGateway, "manual">;
  createCheckout(secrets: MethodSecrets, request: CheckoutRequest): Promise<CheckoutResult>;
  /** Asks the gateway for the payment's status (a lost webhook must not leave it waiting forever). */
  fetchStatus(secrets: MethodSecrets, externalId: string): Promise<ReportedStatus>;
}

/** A gateway refused or could not be reached: nothing was charged. */
export class GatewayError extends Error {}
