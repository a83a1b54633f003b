import { getDb } from "@/lib/db/connection";
import { verifyLedger } from "@/lib/ledger/verify-ledger";
import { formatMoney } from "@/lib/money";
import { defineCommand } from "../command";

export default defineCommand({
  name: "ledger:verify",
  summary: "recompute balances from the ledger and check every order's money; exit 1 on any mismatch",
  async run() {
    const report = await verifyLedger(await getDb());
    const { totals } = report;
    console.log(`customers ${report.customers}, orders ${report.orders}`);
    console.log(`credits            ${formatMoney(totals.credits)}`);
    if (!totals.adjustments.isZero()) console.log(`adjustments        ${formatMoney(totals.adjustments)}`);
    console.log(`customer balances  ${formatMoney(totals.balances)}`);
    console.log(`charges            ${formatMoney(totals.charges)}`);
    console.log(`refunds            ${formatMoney(totals.refunds)}`);
    console.log(
      `conservation: credits${totals.adjustments.isZero() ? "" : " + adjustments"} = balances + charges − refunds … ${totals.conserved ? "holds" : "BROKEN"}`,
    );
    for (const m of report.mismatches.slice(0, 200)) console.log(`MISMATCH [${m.check}] user ${m.userId}: ${m.message}`);
    if (report.mismatches.length > 200) console.log(`… and ${report.mismatches.length - 200} more`);
    console.log(report.ok ? "Ledger OK." : `Ledger has ${report.mismatches.length} mismatch(es).`);
    return report.ok ? 0 : 1;
  },
});
