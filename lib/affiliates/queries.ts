// What the affiliate pages read: the customer's own program (always filtered by their id) and the
// staff lists (commissions, withdrawals waiting, referrals held for review), checked for staff.
import type { Db } from "@/lib/db/connection";
import { assertStaff, type StaffActor } from "@/lib/admin/authorize";
import { snapshotTransaction } from "@/lib/ledger/transaction";
import { Decimal, toLedgerString } from "@/lib/money";
import { fromDb } from "@/lib/money/db-decimal";
import { commissionBalance } from "./commissions";
import { getAffiliateSettings } from "./settings";

const LIST_SIZE = 50;

export type AffiliateSummary = {
  code: string;
  percent: string;
  minWithdrawal: string;
  visits: number;
  signUps: number;
  payingReferrals: number;
  /** Commission counted (earned, less chargebacks). */
  earned: string;
  /** Commission of referrals held for review. */
  onReview: string;
  /** Withdrawals waiting for staff. */
  pendingWithdrawals: string;
  paidOut: string;
  /** The commission balance: what can be paid out now (0 when it owes). */
  available: string;
  /** Chargebacks or voids after a payout: later commission makes it up first. */
  owed: string;
  commissions: { id: number; createdAt: Date; deposit: string; percent: string; amount: string; takenBack: string; state: string }[];
  payouts: { id: number; createdAt: Date; kind: string; state: string; amount: string; decisionReason: string | null }[];
};

export async function affiliateSummary(db: Db, customerId: number): Promise<AffiliateSummary> {
  return snapshotTransaction(db, async (tx) => {
    const [user, settings, visits, signUps, paying, sums, balance, commissions, payouts] = await Promise.all([
      tx.user.findUniqueOrThrow({ where: { id: customerId }, select: { referralCode: true, affiliatePercent: true } }),
      getAffiliateSettings(tx),
      tx.affiliateVisit.count({ where: { affiliateId: customerId } }),
      tx.referral.count({ where: { affiliateId: customerId, state: { not: "rejected" } } }),
      tx.affiliateCommission.groupBy({ by: ["referredId"], where: { affiliateId: customerId, state: { not: "voided" } } }),
      tx.$queryRaw<{ earned: string; held: string; pending: string; paid: string }[]>`
        SELECT
          COALESCE((SELECT SUM(amount - "takenBack") FROM "AffiliateCommission" WHERE "affiliateId" = ${customerId} AND state = 'earned'), 0)::text AS earned,
          COALESCE((SELECT SUM(amount - "takenBack") FROM "AffiliateCommission" WHERE "affiliateId" = ${customerId} AND state = 'held'), 0)::text AS held,
          COALESCE((SELECT SUM(amount) FROM "AffiliatePayout" WHERE "affiliateId" = ${customerId} AND state = 'requested'), 0)::text AS pending,
          COALESCE((SELECT SUM(amount) FROM "AffiliatePayout" WHERE "affiliateId" = ${customerId} AND state = 'paid'), 0)::text AS paid`,
      commissionBalance(tx, customerId),
      tx.affiliateCommission.findMany({
        where: { affiliateId: customerId }, orderBy: { id: "desc" }, take: LIST_SIZE,
        select: { id: true, createdAt: true, deposit: true, percent: true, amount: true, takenBack: true, state: true },
      }),
      tx.affiliatePayout.findMany({
        where: { affiliateId: customerId }, orderBy: { id: "desc" }, take: LIST_SIZE,
        select: { id: true, createdAt: true, kind: true, state: true, amount: true, decisionReason: true },
      }),
    ]);
    const s = sums[0]!;
    const zero = new Decimal(0);
    return {
      code: user.referralCode,
      percent: (user.affiliatePercent ? fromDb(user.affiliatePercent) : settings.percent).toFixed(),
      minWithdrawal: toLedgerString(settings.minWithdrawal),
      visits,
      signUps,
      payingReferrals: paying.length,
      earned: toLedgerString(new Decimal(s.earned)),
      onReview: toLedgerString(new Decimal(s.held)),
      pendingWithdrawals: toLedgerString(new Decimal(s.pending)),
      paidOut: toLedgerString(new Decimal(s.paid)),
      available: toLedgerString(Decimal.max(balance, zero)),
      owed: toLedgerString(Decimal.max(balance.negated(), zero)),
      commissions: commissions.map((c) => ({
        id: c.id, createdAt: c.createdAt, deposit: toLedgerString(c.deposit), percent: fromDb(c.percent).toFixed(), amount: toLedgerString(c.amount), takenBack: toLedgerString(c.takenBack), state: c.state,
      })),
      payouts: payouts.map((p) => ({ id: p.id, createdAt: p.createdAt, kind: p.kind, state: p.state, amount: toLedgerString(p.amount), decisionReason: p.decisionReason })),
    };
  });
}

export type StaffCommissionRow = {
  id: number; createdAt: Date; affiliateId: number; affiliateEmail: string; referredEmail: string; paymentId: number;
  deposit: string; percent: string; amount: string; takenBack: string; state: string; voidReason: string | null;
};

export async function listCommissions(db: Db, actor: StaffActor, { page = 1 }: { page?: number } = {}): Promise<{ rows: StaffCommissionRow[]; hasMore: boolean }> {
  assertStaff(actor);
  const rows = await db.affiliateCommission.findMany({
    orderBy: { id: "desc" }, skip: (page - 1) * LIST_SIZE, take: LIST_SIZE + 1,
    select: {
      id: true, createdAt: true, affiliateId: true, paymentId: true, deposit: true, percent: true, amount: true, takenBack: true, state: true, voidReason: true,
      affiliate: { select: { email: true } }, referred: { select: { email: true } },
    },
  });
  return {
    hasMore: rows.length > LIST_SIZE,
    rows: rows.slice(0, LIST_SIZE).map((c) => ({
      id: c.id, createdAt: c.createdAt, affiliateId: c.affiliateId, affiliateEmail: c.affiliate.email, referredEmail: c.referred.email, paymentId: c.paymentId,
      deposit: toLedgerString(c.deposit), percent: fromDb(c.percent).toFixed(), amount: toLedgerString(c.amount), takenBack: toLedgerString(c.takenBack), state: c.state, voidReason: c.voidReason,
    })),
  };
}

export async function listWaitingWithdrawals(db: Db, actor: StaffActor) {
  assertStaff(actor);
  const rows = await db.affiliatePayout.findMany({
    where: { kind: "withdrawal", state: "requested" }, orderBy: { id: "asc" }, take: 200,
    select: { id: true, createdAt: true, amount: true, details: true, affiliateId: true, affiliate: { select: { email: true } } },
  });
  return rows.map((p) => ({ id: p.id, createdAt: p.createdAt, amount: toLedgerString(p.amount), details: p.details ?? "", affiliateId: p.affiliateId, affiliateEmail: p.affiliate.email }));
}

export async function listHeldReferrals(db: Db, actor: StaffActor) {
  assertStaff(actor);
  const rows = await db.referral.findMany({
    where: { state: "held" }, orderBy: { id: "asc" }, take: 200,
    select: { id: true, createdAt: true, holdReason: true, affiliate: { select: { id: true, email: true } }, referred: { select: { id: true, email: true } } },
  });
  return rows.map((r) => ({ id: r.id, createdAt: r.createdAt, holdReason: r.holdReason ?? "", affiliateId: r.affiliate.id, affiliateEmail: r.affiliate.email, referredId: r.referred.id, referredEmail: r.referred.email }));
}
