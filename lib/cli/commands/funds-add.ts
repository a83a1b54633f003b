import { getDb } from "@/lib/db/connection";
import { creditFunds } from "@/lib/ledger/credit-funds";
import { ZCreditFundsInput } from "@/lib/ledger/schemas";
import { accountByEmail } from "../account-by-email";
import { defineCommand } from "../command";
import { parseOptions, printRefusal } from "../parse-options";

export default defineCommand({
  name: "funds:add",
  summary: "add funds to a customer's balance (written to the ledger)",
  options: {
    email: { type: "string", description: "the customer's email", required: true },
    amount: { type: "string", description: "amount in the panel currency, e.g. 25 or 12.50", required: true },
    reason: { type: "string", description: "why (shown in the ledger)", required: true },
  },
  async run({ options }) {
    const db = await getDb();
    const customer = await accountByEmail(db, options.email);
    if (!customer) return 1;
    const input = parseOptions(ZCreditFundsInput, { customerId: customer.id, amount: options.amount, reason: options.reason, actorId: null });
    if (!input) return 1;
    const result = await creditFunds(db, input);
    if (!result.ok) {
      printRefusal(result);
      return 1;
    }
    console.log(`Added ${result.entryAmount} to ${customer.email}; balance now ${result.balance}.`);
  },
});
