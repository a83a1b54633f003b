"use server";
import { z } from "zod";
import { confirmEmailChange } from "@/lib/accounts/email-change";
import { confirmEmail } from "@/lib/accounts/verify-email";
import { publicAction, refusalState } from "@/lib/actions/action-client";
import { getDb } from "@/lib/db/client";

const ZConfirmInput = z.object({ token: z.string().max(200), kind: z.enum(["verify", "change"]) });

/** Uses a link from an email: a new account's confirmation, or a new sign-in address. */
export const confirmEmailAction = publicAction(ZConfirmInput, async (input) => {
  const db = await getDb();
  const result = input.kind === "verify" ? await confirmEmail(db, input.token) : await confirmEmailChange(db, input.token);
  if (!result.ok) return refusalState(result);
  return input.kind === "verify"
    ? { ok: true, message: `${result.email} is confirmed. You can add funds and place orders.` }
    : { ok: true, message: `Your sign-in email is now ${result.email}. Every session was signed out: sign in with the new address.` };
});
