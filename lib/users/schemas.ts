import { z } from "zod";
import { ZCreditFundsInput } from "@/lib/ledger/schemas";

export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address."));

export const ZNewPassword = z
  .string()
  .min(10, "Use at least 10 characters.")
  .max(200, "Use at most 200 characters.")
  .refine((p) => /[a-zA-Z]/.test(p) && /[0-9]/.test(p), "Use letters and at least one digit.");

export const ZSignUpInput = z.object({
  email: ZEmail,
  password: ZNewPassword,
  name: z.string().trim().max(100, "Use at most 100 characters.").optional().default(""),
});
export type SignUpInput = z.infer<typeof ZSignUpInput>;

export const ZSignInInput = z.object({
  email: ZEmail,
  password: z.string().min(1, "Enter your password.").max(200),
  /** The authenticator app's code, for accounts with two-factor sign-in (second step). */
  code: z.string().trim().max(24).optional(),
});

/** What sign-in answers besides "wrong email or password" (next-auth passes them as error codes). */
export const SIGN_IN_ERRORS = {
  codeRequired: "TWO_FACTOR_REQUIRED",
  codeInvalid: "TWO_FACTOR_INVALID",
  /** Past the account's failure limit, from a new address: a code was emailed (lib/auth/sign-in.ts). */
  emailCodeRequired: "EMAIL_CODE_REQUIRED",
  emailCodeInvalid: "EMAIL_CODE_INVALID",
} as const;
export type SignInInput = z.infer<typeof ZSignInInput>;

export const ZRole = z.enum(["customer", "staff", "admin"]);

/** The staff credit-funds form: the ledger's own input, the actor coming from the session instead. */
export const ZCreditFundsForm = ZCreditFundsInput.omit({ actorId: true });
export type CreditFundsForm = z.output<typeof ZCreditFundsForm>;
