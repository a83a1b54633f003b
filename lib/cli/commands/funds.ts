// funds:add and funds:deduct: the same road in two directions. The --email account is looked up,
// the options are parsed once with the ledger's own schema, and the one ledger function for that
// direction moves the money (a deduction never below zero, both audited in the ledger).
import { getDb, type Db } from "@/lib/db/connection";
import { creditFunds } from "@/lib/ledger/credit-funds";
import { debitFunds, ZDebitFundsInput } from "@/lib/ledger/debit-funds";
import { ZCreditFundsInput } from "@/lib/ledger/schemas";
import type { Failure } from "@/lib/result";
import { accountByEmail, type CliAccount } from "../account-by-email";
import { defineCommand, type CliCommand } from "../command";
import { parseOptions, printRefusal } from "../parse-options";

type Moved = { ok: true; balance: string; entryAmount: string } | Failure;

function fundsCommand(spec: {
  name: string;
  summary: string;
  example: string;
  reason: string;
  move(db: Db, account: CliAccount, options: { amount: unknown; reason: unknown }): Promise<Moved | null>;
  done(moved: { entryAmount: string; balance: string }, account: CliAccount): string;
}): CliCommand {
  return defineCommand({
    name: spec.name,
    summary: spec.summary,
    options: {
      email: { type: "string", description: "the customer's email", required: true },
      amount: { type: "string", description: `amount in the panel currency, e.g. ${spec.example}`, required: true },
      reason: { type: "string", description: spec.reason, required: true },
    },
    async run({ options }) {
      const db = await getDb();
      const account = await accountByEmail(db, options.email);
      if (!account) return 1;
      const result = await spec.move(db, account, { amount: options.amount, reason: options.reason });
      if (!result) return 1;
      if (!result.ok) {
        printRefusal(result);
        return 1;
      }
      console.log(spec.done(result, account));
    },
  });
}

export const fundsAdd = fundsCommand({
  name: "funds:add",
  summary: "add funds to a customer's balance (written to the ledger)",
  example: "25 or 12.50",
  reason: "why (shown in the ledger)",
  async move(db, account, options) {
    const input = parseOptions(ZCreditFundsInput, { customerId: account.id, ...options, actorId: null });
    return input && creditFunds(db, input);
  },
  done: (moved, account) => `Added ${moved.entryAmount} to ${account.email}; balance now ${moved.balance}.`,
});

export const fundsDeduct = fundsCommand({
  name: "funds:deduct",
  summary: "deduct funds from a customer's balance, never below zero (ledger kind debit, audited)",
  example: "5 or 2.50",
  reason: "why (shown in the ledger and the audit log)",
  async move(db, account, options) {
    const input = parseOptions(ZDebitFundsInput, { customerId: account.id, ...options });
    return input && debitFunds(db, input, null);
  },
  done: (moved, account) => `Deducted ${moved.entryAmount} from ${account.email}; balance now ${moved.balance}.`,
});
