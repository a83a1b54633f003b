import { z } from "zod";
import { LEDGER_SCALE, parseDecimal } from "@/lib/money";

/** A positive amount in the panel currency, as text, with at most LEDGER_SCALE decimals. */
export const ZMoneyAmount = z
  .string()
  .trim()
  .refine((text) => parseDecimal(text) !== null, "Enter an amount such as 25 or 12.50.")
  .refine((text) => (parseDecimal(text)?.decimalPlaces() ?? 0) <= LEDGER_SCALE, `Use at most ${LEDGER_SCALE} decimals.`)
  .refine((text) => parseDecimal(text)?.gt(0) ?? false, "The amount must be more than zero.")
  .refine((text) => parseDecimal(text)?.lt("1e12") ?? false, "That amount is too large.");

export const ZCreditFundsInput = z.object({
  customerId: z.coerce.number().int().positive(),
  amount: ZMoneyAmount,
  reason: z.string().trim().min(1, "Say why the funds are added.").max(500, "Use at most 500 characters."),
  actorId: z.coerce.number().int().positive().nullable().optional(),
});
/** Parsed at the boundary (action, CLI); lib/ledger takes it as typed. */
export type CreditFundsInput = z.output<typeof ZCreditFundsInput>;
