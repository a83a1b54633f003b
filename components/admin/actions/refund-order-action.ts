"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction } from "@/lib/actions/action-client";
import { refundOrderForAdmin } from "@/lib/admin/user-funds";
import { PANEL_CURRENCY } from "@/lib/currency";
import { getDb } from "@/lib/db/client";
import { formatMoney } from "@/lib/money";

// Shape only; the ledger's schema validates the values inside refundOrderForAdmin.
const ZRefundOrderForm = z.object({ orderId: z.coerce.number().int().positive(), amount: z.string(), reason: z.string() });

export const refundOrderAction = adminAction(ZRefundOrderForm, async (input, actor) => {
  const result = await refundOrderForAdmin(await getDb(), actor, input);
  if (!result.ok) return { error: result.error, fieldErrors: result.fieldErrors };
  revalidatePath("/admin/orders");
  revalidatePath("/admin");
  return { ok: true, message: `Refunded ${formatMoney(result.refunded, PANEL_CURRENCY)} on order #${input.orderId}.` };
});
