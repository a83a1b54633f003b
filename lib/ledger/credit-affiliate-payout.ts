// Money for affiliate payouts: used only by lib/affiliates/payouts.ts, inside the transaction that
// records the payout (AffiliatePayout of kind balance), so a payout and its entry never disagree.
// The partial unique index LedgerEntry_one_entry_per_affiliate_payout stops a second entry.
import type { Decimal } from "@/lib/money";
import { applyBalanceChange } from "./balance-change";
import type { Tx } from "./transaction";

/** Credits a payout of commission into the affiliate's main balance. Returns the balance after. */
export async function creditAffiliatePayout(tx: Tx, input: { affiliateId: number; payoutId: number; amount: Decimal }): Promise<Decimal> {
  if (!input.amount.gt(0)) throw new Error(`Affiliate payout ${input.payoutId} must be positive`);
  const after = await applyBalanceChange(tx, {
    customerId: input.affiliateId,
    kind: "affiliate_commission",
    amount: input.amount,
    affiliatePayoutId: input.payoutId,
    reason: `Affiliate commission payout #${input.payoutId}`,
  });
  if (!after) throw new Error(`Affiliate payout ${input.payoutId} could not be credited`);
  return after;
}
