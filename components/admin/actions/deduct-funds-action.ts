"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction } from "@/lib/actions/action-client";
import { deductFundsForAdmin } from "@/lib/admin/user-funds";
import { PANEL_CURRENCY } from "@/lib/currency";
import { getDb } from "@/lib/db/client";
import { formatMoney } from "@/lib/money";

// The fields have their own names (the credit form beside it uses amount/reason); the ledger's
// schema validates them inside deductFundsForAdmin, whose field errors name amount and reason.
const ZDeductFundsForm = z.object({ customerId: z.coerce.number().int().positive(), deductAmount: z.string(), deductReason: z.string() });

export const deductFundsAction = adminAction(ZDeductFundsForm, async (input, actor) => {
  const result = await deductFundsForAdmin(await getDb(), actor, { customerId: input.customerId, amount: input.deductAmount, reason: input.deductReason });
  if (!result.ok) return { error: result.error, fieldErrors: result.fieldErrors };
  revalidatePath(`/admin/users/${input.customerId}`);
  revalidatePath("/admin/users");
  revalidatePath("/admin");
  return { ok: true, message: `Deducted ${formatMoney(result.entryAmount, PANEL_CURRENCY)}. Balance now ${formatMoney(result.balance, PANEL_CURRENCY)}.` };
});
