import { getDb } from "@/lib/db/connection";
import { refundOrderManually, ZManualRefundInput } from "@/lib/ledger/refund-manual";
import { defineCommand } from "../command";
import { parseOptions, printRefusal } from "../parse-options";

export default defineCommand({
  name: "order:refund",
  summary: "refund a completed or partial order by hand, once, never more than is left of its charge",
  args: "<order id>",
  options: {
    amount: { type: "string", description: "amount in the panel currency", required: true },
    reason: { type: "string", description: "why (shown in the ledger and the audit log)", required: true },
  },
  async run({ options, positionals }) {
    const input = parseOptions(ZManualRefundInput, { orderId: positionals[0], amount: options.amount, reason: options.reason });
    if (!input) return 1;
    const result = await refundOrderManually(await getDb(), input, null);
    if (!result.ok) {
      printRefusal(result);
      return 1;
    }
    console.log(`Refunded ${result.refunded} on order ${positionals[0]}; the customer's balance is now ${result.balance}.`);
  },
});
