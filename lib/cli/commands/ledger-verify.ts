// ledger:verify: recomputes every balance from the ledger and prints what moved, one line per
// ledger kind (deposits, bonuses, chargebacks … each on its own, never lumped into "refunds").
import type { LedgerKind } from "@/lib/db/generated/enums";
import { getDb } from "@/lib/db/connection";
import { verifyLedger } from "@/lib/ledger/verify-ledger";
import { formatMoney } from "@/lib/money";
import { defineCommand } from "../command";

/** Every ledger kind, in the order printed, with its label and its sign as printed (out-flows positive). */
const KIND_LINES: Record<LedgerKind, { label: string; out: boolean }> = {
  credit: { label: "credits (admin)", out: false },
  deposit: { label: "deposits", out: false },
  bonus: { label: "bonuses", out: false },
  adjustment: { label: "adjustments", out: false },
  affiliate_commission: { label: "affiliate commission", out: false },
  debit: { label: "debits (admin)", out: true },
  chargeback: { label: "chargebacks", out: true },
  charge: { label: "charges", out: true },
  refund_failed: { label: "refunds (failed)", out: false },
  refund_partial: { label: "refunds (partial)", out: false },
  refund_canceled: { label: "refunds (canceled)", out: false },
  refund_manual: { label: "refunds (manual)", out: false },
};

export default defineCommand({
  name: "ledger:verify",
  summary: "recompute balances from the ledger and check every order's and payment's money; exit 1 on any mismatch",
  async run() {
    const report = await verifyLedger(await getDb());
    const { totals } = report;
    const line = (label: string, value: string) => console.log(`${label.padEnd(20)}${value}`);
    console.log(`customers ${report.customers}, orders ${report.orders}`);
    for (const [kind, { label, out }] of Object.entries(KIND_LINES) as [LedgerKind, { label: string; out: boolean }][]) {
      const sum = totals.byKind[kind];
      line(label, formatMoney(out ? sum.negated() : sum));
    }
    line("customer balances", formatMoney(totals.balances));
    console.log(
      `conservation: credits + deposits + bonuses + adjustments + affiliate commission − debits − chargebacks = balances + charges − refunds … ${totals.conserved ? "holds" : "BROKEN"}`,
    );
    for (const m of report.mismatches.slice(0, 200)) console.log(`MISMATCH [${m.check}] user ${m.userId}: ${m.message}`);
    if (report.mismatches.length > 200) console.log(`… and ${report.mismatches.length - 200} more`);
    console.log(report.ok ? "Ledger OK." : `Ledger has ${report.mismatches.length} mismatch(es).`);
    return report.ok ? 0 : 1;
  },
});
