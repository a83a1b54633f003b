// The payments log for staff and admins: filters (state, method, customer, dates), totals per day
// and method, the review queue, one payment with its events, and the methods with masked keys.
// Reads only; each function checks the actor itself.
import "server-only";
import { assertStaff, type StaffActor } from "@/lib/admin/authorize";
import type { Db } from "@/lib/db/connection";
import { Prisma } from "@/lib/db/generated/client";

const { sql, join } = Prisma;
import type { PaymentState } from "@/lib/db/generated/enums";
import { boundedPage } from "./page-param";
import { methodAmounts } from "./method-amounts";

export const PAYMENT_STATES: PaymentState[] = ["waiting", "paid", "failed", "expired", "canceled", "rejected", "flagged", "charged_back"];
export const STAFF_PAGE_SIZE = 50;

export type PaymentFilters = { state?: string; methodId?: string; customer?: string; from?: string; to?: string; page?: string };

const day = (text: string | undefined, end: boolean): Date | null => {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const d = new Date(`${text}T00:00:00.000Z`);
  if (Number.isNaN(d.getTime())) return null;
  return end ? new Date(d.getTime() + 86_400_000) : d;
};


function whereOf(filters: PaymentFilters): Prisma.PaymentWhereInput {
  const where: Prisma.PaymentWhereInput = {};
  if (filters.state && (PAYMENT_STATES as string[]).includes(filters.state)) where.state = filters.state as PaymentState;
  const methodId = Number(filters.methodId);
  if (Number.isSafeInteger(methodId) && methodId > 0 && methodId < 2 ** 31) where.methodId = methodId;
  const customer = filters.customer?.trim().slice(0, 100);
  if (customer) where.user = /^\d{1,9}$/.test(customer) ? { id: Number(customer) } : { email: { contains: customer, mode: "insensitive" } };
  const from = day(filters.from, false);
  const to = day(filters.to, true);
  if (from || to) where.createdAt = { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) };
  return where;
}

/** The payment's refund/dispute reports with their chargeback entries: what is still owed (outstandingChargeback). */
const reversalsOwed = { where: { amount: { gt: 0 } }, select: { amount: true, ledgerEntries: { select: { id: true } } } } as const;

const logSelect = {
  id: true, state: true, gateway: true, amount: true, payAmount: true, currency: true, creditAmount: true, creditedAmount: true, creditedBonus: true,
  chargebackAmount: true, flag: true, reviewedAt: true, reference: true, externalId: true, createdAt: true, paidAt: true,
  user: { select: { id: true, email: true } },
  method: { select: { id: true, name: true } },
} as const;

export async function listPaymentsForStaff(db: Db, actor: StaffActor, filters: PaymentFilters) {
  assertStaff(actor);
  const where = whereOf(filters);
  const page = boundedPage(filters.page);
  const [payments, total] = await Promise.all([
    db.payment.findMany({ where, orderBy: { id: "desc" }, skip: (page - 1) * STAFF_PAGE_SIZE, take: STAFF_PAGE_SIZE, select: logSelect }),
    db.payment.count({ where }),
  ]);
  return { payments, total, page, pageSize: STAFF_PAGE_SIZE };
}

export type StaffPayment = Awaited<ReturnType<typeof listPaymentsForStaff>>["payments"][number];

/** Credited money per UTC day (of payment) and method within the filters, newest first (≤ 90 rows). */
export async function paymentTotals(db: Db, actor: StaffActor, filters: PaymentFilters) {
  assertStaff(actor);
  // The same filters as the log, in SQL: the log can hold far more payments than a page.
  const conditions: Prisma.Sql[] = [sql`p."creditedAmount" IS NOT NULL`, sql`p."paidAt" IS NOT NULL`];
  if (filters.state && (PAYMENT_STATES as string[]).includes(filters.state)) conditions.push(sql`p.state = ${filters.state}::"PaymentState"`);
  const methodId = Number(filters.methodId);
  if (Number.isSafeInteger(methodId) && methodId > 0 && methodId < 2 ** 31) conditions.push(sql`p."methodId" = ${methodId}`);
  const customer = filters.customer?.trim().slice(0, 100);
  if (customer) conditions.push(/^\d{1,9}$/.test(customer) ? sql`p."userId" = ${Number(customer)}` : sql`u.email ILIKE ${`%${customer.replace(/[\\%_]/g, "\\$&")}%`}`);
  const from = day(filters.from, false);
  const to = day(filters.to, true);
  if (from) conditions.push(sql`p."createdAt" >= ${from}`);
  if (to) conditions.push(sql`p."createdAt" < ${to}`);
  const grouped = await db.$queryRaw<{ day: string; method: string; count: bigint; deposits: string; bonuses: string }[]>`
    SELECT to_char(date_trunc('day', p."paidAt"), 'YYYY-MM-DD') AS day, m.name AS method, count(*) AS count,
           sum(p."creditedAmount")::text AS deposits, sum(coalesce(p."creditedBonus", 0))::text AS bonuses
    FROM "Payment" p JOIN "PaymentMethod" m ON m.id = p."methodId" JOIN "User" u ON u.id = p."userId"
    WHERE ${join(conditions, " AND ")}
    GROUP BY 1, 2 ORDER BY 1 DESC, 2 LIMIT 90`;
  return grouped.map((g) => ({ ...g, count: Number(g.count) }));
}

/** Manual payments waiting for a decision, flagged ones, and notes on credited ones not yet looked at. */
export async function listReviewQueue(db: Db, actor: StaffActor) {
  assertStaff(actor);
  return db.payment.findMany({
    where: { OR: [{ state: "waiting", gateway: "manual" }, { state: "flagged" }, { flag: { not: null }, reviewedAt: null }] },
    orderBy: { id: "asc" },
    take: 100,
    select: { ...logSelect, bonusAmount: true, reportedAmount: true, reportedCurrency: true, reportedStatus: true, reversals: reversalsOwed },
  });
}

export async function countReviewQueue(db: Db, actor: StaffActor): Promise<number> {
  assertStaff(actor);
  return db.payment.count({ where: { OR: [{ state: "waiting", gateway: "manual" }, { state: "flagged" }, { flag: { not: null }, reviewedAt: null }] } });
}

export async function getPaymentForStaff(db: Db, actor: StaffActor, paymentId: number) {
  assertStaff(actor);
  return db.payment.findUnique({
    where: { id: paymentId },
    select: {
      ...logSelect, fee: true, bonusAmount: true, bonusPercent: true, reportedAmount: true, reportedCurrency: true, reportedStatus: true, reviewReason: true,
      reviewedBy: { select: { email: true } }, expiresAt: true,
      events: { orderBy: { id: "desc" }, take: 100, select: { id: true, type: true, outcome: true, message: true, payload: true, createdAt: true } },
      ledgerEntries: { orderBy: { id: "asc" }, select: { id: true, kind: true, amount: true, createdAt: true } },
      reversals: reversalsOwed,
    },
  });
}

/** Callbacks nobody could match or verify (tampering, misconfiguration), newest first. */
export async function listRejectedCallbacks(db: Db, actor: StaffActor) {
  assertStaff(actor);
  return db.paymentEvent.findMany({ where: { outcome: { in: ["bad_signature", "unknown_payment"] } }, orderBy: { id: "desc" }, take: 20, select: { id: true, gateway: true, type: true, outcome: true, message: true, createdAt: true } });
}

export async function listMethodsForStaff(db: Db, actor: StaffActor) {
  assertStaff(actor);
  const methods = await db.paymentMethod.findMany({
    orderBy: { id: "asc" },
    take: 100,
    select: {
      id: true, gateway: true, name: true, enabled: true, currency: true, exchangeRate: true, minAmount: true, maxAmount: true, feePercent: true,
      instructions: true, settingsHint: true, bonusRules: { orderBy: { minAmount: "asc" }, select: { id: true, minAmount: true, percent: true } },
    },
  });
  return methods.map((m) => ({
    ...m,
    ...methodAmounts(m),
    settingsHint: (m.settingsHint ?? {}) as Record<string, string>,
    bonusRules: m.bonusRules.map((r) => ({ id: r.id, minAmount: r.minAmount.toFixed(), percent: r.percent.toFixed() })),
  }));
}

export type StaffMethod = Awaited<ReturnType<typeof listMethodsForStaff>>[number];
