import { getDb } from "@/lib/db/connection";
import { resolveUnknownOrder } from "@/lib/orders/resolve-unknown-order";
import { defineCommand } from "../command";

export default defineCommand({
  name: "order:resolve",
  summary: "settle an order in state unknown after checking the provider: --placed <upstream id> or --failed (refunds)",
  args: "<order id>",
  options: {
    placed: { type: "string", description: "the provider's order id: the order exists upstream" },
    failed: { type: "boolean", description: "the provider has no such order: refund the customer" },
  },
  async run({ options, positionals }) {
    const orderId = Number(positionals[0]);
    if (!Number.isSafeInteger(orderId) || orderId <= 0) {
      console.error("Give the order id: order:resolve <id> --placed <upstream id> | --failed");
      return 2;
    }
    const placed = typeof options.placed === "string" ? options.placed : undefined;
    if ((placed === undefined) === !options.failed) {
      console.error("Give exactly one of --placed <upstream id> or --failed.");
      return 2;
    }
    const result = await resolveUnknownOrder(await getDb(), orderId, placed !== undefined ? { placed } : { failed: true }, null);
    if (!result.ok) {
      console.error(result.message);
      return 1;
    }
    console.log(result.state === "failed" ? `Order ${orderId} marked failed; charge refunded.` : `Order ${orderId} is pending upstream as ${placed}.`);
  },
});
