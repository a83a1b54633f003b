"use server";
import { revalidatePath } from "next/cache";
import { adminMoneyAction, refusalState } from "@/lib/actions/action-client";
import { refundOrderForAdmin } from "@/lib/admin/order-refund";
import { ZManualRefundInput } from "@/lib/ledger/refund-manual";
import { PANEL_CURRENCY } from "@/lib/currency";
import { getDb } from "@/lib/db/client";
import { formatMoney } from "@/lib/money";

export const refundOrderAction = adminMoneyAction("order.refund_manual", ZManualRefundInput, async (input, actor) => {
  const result = await refundOrderForAdmin(await getDb(), actor, input);
  if (!result.ok) return refusalState(result);
  revalidatePath("/admin/orders");
  revalidatePath("/admin");
  return { ok: true, message: `Refunded ${formatMoney(result.refunded, PANEL_CURRENCY)} on order #${input.orderId}.` };
});
