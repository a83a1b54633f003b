// A sign-up through a referral link (the `ref` cookie, lib/affiliates/referral-cookie.ts) makes the
// new customer referred by its affiliate: once (Referral.referredId is unique), never by
// themselves (judgeReferral; the database also refuses a self-row). Called by lib/users/sign-up.ts
// right after the account is made; a code that names nobody is ignored.
import type { Db } from "@/lib/db/connection";
import { judgeReferral, type SignUpTraits } from "./self-referral";

export type ReferralOutcome = "active" | "held" | "refused" | "no_affiliate";

export async function recordReferral(db: Db, input: SignUpTraits & { referredId: number; code: string }): Promise<ReferralOutcome> {
  const affiliate = await db.user.findUnique({
    where: { referralCode: input.code },
    select: { id: true, email: true, role: true, status: true, signUpDevice: true, signUpIp: true },
  });
  if (!affiliate || affiliate.role !== "customer" || affiliate.status !== "active") return "no_affiliate";
  const judged = judgeReferral(affiliate, { ...input, id: input.referredId });
  if (judged.verdict === "refuse") return "refused";
  const state = judged.verdict === "hold" ? "held" : "active";
  const created = await db.referral.createMany({
    data: [{ affiliateId: affiliate.id, referredId: input.referredId, state, holdReason: judged.verdict === "hold" ? judged.why : null }],
    skipDuplicates: true,
  });
  return created.count ? state : "refused";
}

/** Counts a visit of a referral link; the affiliate's id, or null for a code that names nobody. */
export async function recordVisit(db: Db, code: string): Promise<number | null> {
  const affiliate = await db.user.findUnique({ where: { referralCode: code }, select: { id: true, role: true } });
  if (!affiliate || affiliate.role !== "customer") return null;
  await db.affiliateVisit.create({ data: { affiliateId: affiliate.id } });
  return affiliate.id;
}
