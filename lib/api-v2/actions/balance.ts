import { PANEL_CURRENCY } from "@/lib/currency";
import { LEDGER_SCALE } from "@/lib/money";
import { defineAction } from "../action-definition";

export const balanceAction = defineAction({
  name: "balance",
  summary: "Your balance.",
  variants: [{ title: "balance", fields: [], answer: { balance: "12.345600", currency: PANEL_CURRENCY } }],
  async handle({ db, customerId }) {
    const user = await db.user.findUniqueOrThrow({ where: { id: customerId }, select: { balance: true } });
    return { balance: user.balance.toFixed(LEDGER_SCALE), currency: PANEL_CURRENCY };
  },
});
