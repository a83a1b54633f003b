import { getDb } from "@/lib/db/connection";
import { createUser } from "@/lib/users/create-user";
import { ZSignUpInput } from "@/lib/users/schemas";
import { defineCommand } from "../command";
import { parseOptions, printRefusal } from "../parse-options";

export default defineCommand({
  name: "customer:create",
  summary: "create a customer account",
  options: {
    email: { type: "string", description: "email address", required: true },
    password: { type: "string", description: "at least 10 characters with a digit", required: true },
    name: { type: "string", description: "display name" },
  },
  async run({ options }) {
    const input = parseOptions(ZSignUpInput, { email: options.email, password: options.password, name: options.name });
    if (!input) return 2;
    const result = await createUser(await getDb(), input, "customer");
    if (!result.ok) {
      printRefusal(result);
      // A taken email is a state of the database, not a mistake in the arguments.
      return result.code === "email_taken" ? 1 : 2;
    }
    console.log(`Created customer ${result.user.email} (id ${result.user.id}).`);
  },
});
