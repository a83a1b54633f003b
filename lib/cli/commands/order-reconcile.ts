import { getDb } from "@/lib/db/connection";
import { reconcileUnknownOrders } from "@/lib/reconcile/reconcile-unknown-orders";
import { defineCommand } from "../command";

const OUTCOME_TEXT = {
  placed: "placed upstream (now pending)",
  not_placed: "not placed upstream: failed, charge refunded",
  left_for_staff: "left for staff",
  waiting: "still unknown, tried again later",
  lost_race: "settled by someone else meanwhile",
} as const;

export default defineCommand({
  name: "order:reconcile",
  summary: "reconcile unknown orders now (all due ones, or one order) from the provider's records, and print the evidence",
  args: "[<order id>]",
  async run({ positionals }) {
    const orderId = positionals[0] === undefined ? undefined : Number(positionals[0]);
    if (orderId !== undefined && !(Number.isSafeInteger(orderId) && orderId > 0)) {
      console.error("Give an order id, or none for every due unknown order: order:reconcile [<id>]");
      return 2;
    }
    const report = await reconcileUnknownOrders(await getDb(), { orderIds: orderId === undefined ? undefined : [orderId], owner: `cli:${process.pid}` });
    if (report.leased) console.log(`${report.leased} provider(s) skipped: another worker is reconciling them now.`);
    if (report.orders.length === 0) {
      console.log(orderId === undefined ? "No unknown order is due." : `Order ${orderId} is not an unknown order that was sent (or its provider is busy).`);
      return report.leased ? 1 : orderId === undefined ? 0 : 1;
    }
    for (const order of report.orders) console.log(`Order ${order.orderId}: ${OUTCOME_TEXT[order.outcome]}\n  ${order.evidence}`);
    console.log(`${report.calls} status call(s), ${report.probedIds} id(s) answered; ${report.orphans} new orphan(s).`);
  },
});
