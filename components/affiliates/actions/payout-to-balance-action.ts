"use server";
import { revalidatePath } from "next/cache";
import { refusalState, userAction } from "@/lib/actions/action-client";
import { payoutToBalance } from "@/lib/affiliates/payouts";
import { ZPayoutToBalanceInput } from "@/lib/affiliates/schemas";
import { getDb } from "@/lib/db/client";
import { PANEL_CURRENCY } from "@/lib/currency";
import { formatMoney } from "@/lib/money";

// The signed-in customer's own commission only: the id comes from the session, never the form.
export const payoutToBalanceAction = userAction(ZPayoutToBalanceInput, async (input, user) => {
  const result = await payoutToBalance(await getDb(), user.id, input);
  if (!result.ok) return refusalState(result);
  revalidatePath("/", "layout");
  return { ok: true, message: `${formatMoney(result.amount, PANEL_CURRENCY)} of commission moved into your balance.` };
});
