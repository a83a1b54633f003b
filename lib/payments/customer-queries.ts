// What a customer sees of payments: the methods they can use (no secrets), their own payments.
// Every query takes the customer's id and filters by it: another customer's payment is missing.
import "server-only";
import type { Db } from "@/lib/db/connection";
import { methodAmounts } from "./method-amounts";

export const CUSTOMER_PAGE_SIZE = 20;

export type MethodOffer = {
  id: number;
  gateway: "stripe" | "cryptomus" | "manual";
  name: string;
  currency: string;
  exchangeRate: string;
  minAmount: string;
  maxAmount: string;
  feePercent: string;
  instructions: string | null;
  bonusRules: { minAmount: string; percent: string }[];
};

export async function listMethodOffers(db: Db): Promise<MethodOffer[]> {
  const methods = await db.paymentMethod.findMany({
    where: { enabled: true },
    orderBy: [{ gateway: "asc" }, { name: "asc" }],
    take: 50,
    select: {
      id: true, gateway: true, name: true, currency: true, exchangeRate: true, minAmount: true, maxAmount: true, feePercent: true, instructions: true,
      bonusRules: { orderBy: { minAmount: "asc" }, select: { minAmount: true, percent: true } },
    },
  });
  return methods.map((m) => ({
    ...m,
    ...methodAmounts(m),
    bonusRules: m.bonusRules.map((r) => ({ minAmount: r.minAmount.toFixed(), percent: r.percent.toFixed() })),
  }));
}

const paymentView = {
  id: true, state: true, gateway: true, amount: true, fee: true, payAmount: true, currency: true, creditAmount: true, bonusAmount: true,
  creditedAmount: true, creditedBonus: true, reference: true, redirectUrl: true, createdAt: true, paidAt: true, expiresAt: true,
  reviewReason: true,
  method: { select: { name: true, instructions: true } },
} as const;

/**
 * The admin's reason the customer may read: the reason of a rejection, as an approval's reason is
 * already on the deposit's ledger line. Notes on flags and chargebacks stay with staff.
 */
function rejectionReason(p: { state: string; reviewReason: string | null }): string | null {
  return p.state === "rejected" ? p.reviewReason : null;
}

function present<T extends { state: string; reviewReason: string | null; amount: { toFixed(): string }; fee: { toFixed(): string }; payAmount: { toFixed(): string }; creditAmount: { toFixed(): string }; bonusAmount: { toFixed(): string }; creditedAmount: { toFixed(): string } | null; creditedBonus: { toFixed(): string } | null }>(p: T) {
  const { reviewReason: _staffNote, ...shown } = p;
  void _staffNote;
  return {
    ...shown,
    rejectionReason: rejectionReason(p),
    amount: p.amount.toFixed(),
    fee: p.fee.toFixed(),
    payAmount: p.payAmount.toFixed(),
    creditAmount: p.creditAmount.toFixed(),
    bonusAmount: p.bonusAmount.toFixed(),
    creditedAmount: p.creditedAmount?.toFixed() ?? null,
    creditedBonus: p.creditedBonus?.toFixed() ?? null,
  };
}

export async function listCustomerPayments(db: Db, customerId: number, page: number) {
  const [rows, total] = await Promise.all([
    db.payment.findMany({ where: { userId: customerId }, orderBy: { id: "desc" }, skip: (page - 1) * CUSTOMER_PAGE_SIZE, take: CUSTOMER_PAGE_SIZE, select: paymentView }),
    db.payment.count({ where: { userId: customerId } }),
  ]);
  return { payments: rows.map(present), total, page, pageSize: CUSTOMER_PAGE_SIZE };
}

export async function getCustomerPayment(db: Db, customerId: number, paymentId: number) {
  const row = await db.payment.findFirst({ where: { id: paymentId, userId: customerId }, select: paymentView });
  return row ? present(row) : null;
}

export type CustomerPayment = NonNullable<Awaited<ReturnType<typeof getCustomerPayment>>>;
