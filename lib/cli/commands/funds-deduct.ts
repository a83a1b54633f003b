import { getDb } from "@/lib/db/connection";
import { debitFunds, ZDebitFundsInput } from "@/lib/ledger/debit-funds";
import { accountByEmail } from "../account-by-email";
import { defineCommand } from "../command";
import { parseOptions, printRefusal } from "../parse-options";

export default defineCommand({
  name: "funds:deduct",
  summary: "deduct funds from a customer's balance, never below zero (ledger kind debit, audited)",
  options: {
    email: { type: "string", description: "the customer's email", required: true },
    amount: { type: "string", description: "amount in the panel currency, e.g. 5 or 2.50", required: true },
    reason: { type: "string", description: "why (shown in the ledger and the audit log)", required: true },
  },
  async run({ options }) {
    const db = await getDb();
    const customer = await accountByEmail(db, options.email);
    if (!customer) return 1;
    const input = parseOptions(ZDebitFundsInput, { customerId: customer.id, amount: options.amount, reason: options.reason });
    if (!input) return 1;
    const result = await debitFunds(db, input, null);
    if (!result.ok) {
      printRefusal(result);
      return 1;
    }
    console.log(`Deducted ${result.entryAmount} from ${customer.email}; balance now ${result.balance}.`);
  },
});
