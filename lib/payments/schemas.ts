// One zod schema per payment input, shared by the forms and the data functions.
import { z } from "zod";
import { parseDecimal } from "@/lib/money";

const decimalText = (label: string) =>
  z
    .string()
    .trim()
    .refine((t) => parseDecimal(t) !== null && /^\d+(\.\d+)?$/.test(t), `Enter ${label} such as 25 or 12.50.`)
    .refine((t) => parseDecimal(t)?.lt("1e12") ?? false, "That is too large.");

const positive = (label: string) => decimalText(label).refine((t) => parseDecimal(t)?.gt(0) ?? false, "It must be more than zero.");
const id = z.coerce.number().int().positive().max(2_147_483_647);
const reason = z.string().trim().min(1, "Say why.").max(500, "Use at most 500 characters.");

export const ZCreatePaymentInput = z.object({
  methodId: id.refine(Boolean, "Choose a payment method."),
  amount: positive("an amount"),
  reference: z.string().trim().max(200, "Use at most 200 characters.").optional().default(""),
});
export type CreatePaymentInput = z.output<typeof ZCreatePaymentInput>;

export const ZReviewPaymentInput = z.object({
  paymentId: id,
  decision: z.enum(["approve", "reject", "dismiss", "collect"]),
  reason,
  /** Flagged payments: what to credit (panel currency); empty means the amount asked. */
  amount: z.union([z.literal(""), positive("an amount")]).optional().default(""),
  /** Approving a manual payment whose reference is on another credited or waiting one: the admin checked. */
  confirmDuplicate: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()).optional().default(false),
});
export type ReviewPaymentInput = z.input<typeof ZReviewPaymentInput>;

export const ZSaveMethodInput = z
  .object({
    methodId: z.union([z.literal(""), id]).optional().default(""),
    gateway: z.enum(["stripe", "cryptomus", "manual"], "Choose a gateway."),
    name: z.string().trim().min(1, "Give the method a name.").max(80, "Use at most 80 characters."),
    enabled: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
    currency: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{2,10}$/, "Use a currency code such as USD or USDT."),
    exchangeRate: positive("a rate"),
    minAmount: positive("a minimum"),
    maxAmount: positive("a maximum"),
    feePercent: decimalText("a percent").refine((t) => (parseDecimal(t)?.lt(100) ?? false), "Use less than 100 %."),
    instructions: z.string().trim().max(2000, "Use at most 2000 characters.").optional().default(""),
    // Secrets: empty keeps the stored value.
    secretKey: z.string().trim().max(500).optional().default(""),
    webhookSecret: z.string().trim().max(500).optional().default(""),
    merchantId: z.string().trim().max(500).optional().default(""),
    apiKey: z.string().trim().max(500).optional().default(""),
  })
  .refine((v) => !(parseDecimal(v.maxAmount)?.lt(parseDecimal(v.minAmount) ?? 0) ?? false), { path: ["maxAmount"], message: "The maximum must be at least the minimum." })
  .refine((v) => v.gateway !== "manual" || v.instructions.length > 0, { path: ["instructions"], message: "Tell customers how to pay." });
export type SaveMethodInput = z.input<typeof ZSaveMethodInput>;

export const ZBonusRuleInput = z.object({
  methodId: id,
  minAmount: positive("an amount"),
  percent: positive("a percent").refine((t) => parseDecimal(t)?.lte(100) ?? false, "Use at most 100 %."),
});

export const ZRemoveBonusRuleInput = z.object({ ruleId: id });
