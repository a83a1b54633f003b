import { getDb } from "@/lib/db/connection";
import { setCustomerDiscount } from "@/lib/pricing/set-customer-pricing";
import { CLI_OPERATOR } from "@/lib/pricing/operator";
import { ZDiscountInput } from "@/lib/pricing/schemas";
import { defineCommand } from "../command";
import { parseOptions, printRefusal } from "../parse-options";

export default defineCommand({
  name: "discount:set",
  summary: "give a customer a percentage off every list price (--percent 0 removes it)",
  options: {
    email: { type: "string", description: "the customer's email", required: true },
    percent: { type: "string", description: "percent off, e.g. 10 (0 removes the discount)", required: true },
  },
  async run({ options }) {
    const db = await getDb();
    const email = String(options.email).trim().toLowerCase();
    const customer = await db.user.findUnique({ where: { email }, select: { id: true, email: true, role: true } });
    if (!customer || customer.role !== "customer") {
      console.error(`No customer with email ${email}.`);
      return 1;
    }
    const percent = String(options.percent).trim().replace(/\s*%$/, "");
    const input = parseOptions(ZDiscountInput, { customerId: customer.id, percent: /^0+(\.0*)?$/.test(percent) ? "" : percent });
    if (!input) return 1;
    const result = await setCustomerDiscount(db, CLI_OPERATOR, input);
    if (!result.ok) {
      printRefusal(result);
      return 1;
    }
    console.log(result.percent ? `${customer.email} now gets ${result.percent}% off every list price.` : `${customer.email} has no discount now.`);
  },
});
