import { getDb } from "@/lib/db/connection";
import { refundOrderManually } from "@/lib/ledger/refund-manual";
import { defineCommand } from "../command";

export default defineCommand({
  name: "order:refund",
  summary: "refund a completed or partial order by hand, once, never more than is left of its charge",
  args: "<order id>",
  options: {
    amount: { type: "string", description: "amount in the panel currency", required: true },
    reason: { type: "string", description: "why (shown in the ledger and the audit log)", required: true },
  },
  async run({ options, positionals }) {
    const result = await refundOrderManually(await getDb(), { orderId: positionals[0], amount: options.amount, reason: options.reason }, null);
    if (!result.ok) {
      console.error(result.error);
      for (const [field, message] of Object.entries(result.fieldErrors ?? {})) if (message !== result.error) console.error(`--${field}: ${message}`);
      return 1;
    }
    console.log(`Refunded ${result.refunded} on order ${positionals[0]}; the customer's balance is now ${result.balance}.`);
  },
});
