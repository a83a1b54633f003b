// Inputs of the affiliate program, parsed once at the boundary (actions, CLI); lib takes them typed.
// Money and percents travel as text and become exact decimals here, never numbers.
import { z } from "zod";
import { Decimal, LEDGER_SCALE, parseDecimal } from "@/lib/money";
import { ZMoneyAmount } from "@/lib/ledger/schemas";

const ZPercent = z
  .string()
  .trim()
  .refine((text) => parseDecimal(text) !== null, "Enter a percent such as 5 or 7.5.")
  .refine((text) => (parseDecimal(text)?.decimalPlaces() ?? 0) <= 4, "Use at most 4 decimals.")
  .refine((text) => parseDecimal(text)?.gte(0) && parseDecimal(text)?.lte(100), "A percent from 0 to 100.")
  .transform((text) => new Decimal(text));

const ZMoney = ZMoneyAmount.transform((text) => new Decimal(text));

export const ZAffiliateSettingsInput = z.object({
  percent: ZPercent,
  minWithdrawal: z
    .string()
    .trim()
    .refine((text) => parseDecimal(text)?.gte(0) ?? false, "Enter an amount such as 10 (0 for no minimum).")
    .refine((text) => (parseDecimal(text)?.decimalPlaces() ?? 0) <= LEDGER_SCALE, `Use at most ${LEDGER_SCALE} decimals.`)
    .transform((text) => new Decimal(text)),
});
export type AffiliateSettingsInput = z.output<typeof ZAffiliateSettingsInput>;

export const ZAffiliatePercentInput = z.object({
  customerId: z.coerce.number().int().positive(),
  /** Empty: the affiliate earns the global percent again. */
  percent: z.union([z.literal("").transform(() => null), ZPercent]),
});
export type AffiliatePercentInput = z.output<typeof ZAffiliatePercentInput>;

const ZRequestKey = z.string({ error: "This form is out of date: reload the page." }).regex(/^[A-Za-z0-9-]{16,100}$/, "This form is out of date: reload the page.");

export const ZPayoutToBalanceInput = z.object({ idempotencyKey: ZRequestKey });
export type PayoutToBalanceInput = z.output<typeof ZPayoutToBalanceInput>;

export const ZWithdrawalInput = z.object({
  idempotencyKey: ZRequestKey,
  amount: ZMoney,
  details: z.string().trim().min(3, "Say where the money should go (an account, a wallet).").max(500, "Use at most 500 characters."),
});
export type WithdrawalInput = z.output<typeof ZWithdrawalInput>;

export const ZDecideWithdrawalInput = z.object({
  payoutId: z.coerce.number().int().positive(),
  decision: z.enum(["paid", "rejected"]),
  reason: z.string().trim().max(500, "Use at most 500 characters.").default(""),
}).refine((input) => input.decision === "paid" || input.reason.length > 0, { path: ["reason"], message: "Say why the withdrawal is rejected." });
export type DecideWithdrawalInput = z.output<typeof ZDecideWithdrawalInput>;

export const ZVoidCommissionInput = z.object({
  commissionId: z.coerce.number().int().positive(),
  reason: z.string().trim().min(3, "Say why the commission is voided.").max(500, "Use at most 500 characters."),
});
export type VoidCommissionInput = z.output<typeof ZVoidCommissionInput>;

export const ZReviewReferralInput = z.object({
  referralId: z.coerce.number().int().positive(),
  decision: z.enum(["active", "rejected"]),
});
export type ReviewReferralInput = z.output<typeof ZReviewReferralInput>;
