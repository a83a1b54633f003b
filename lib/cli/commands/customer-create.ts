import { getDb } from "@/lib/db/connection";
import { createUser } from "@/lib/users/create-user";
import { defineCommand } from "../command";

export default defineCommand({
  name: "customer:create",
  summary: "create a customer account",
  options: {
    email: { type: "string", description: "email address", required: true },
    password: { type: "string", description: "at least 10 characters with a digit", required: true },
    name: { type: "string", description: "display name" },
  },
  async run({ options }) {
    const result = await createUser(await getDb(), { email: options.email, password: options.password, name: options.name }, "customer");
    if (!result.ok) {
      for (const [field, message] of Object.entries(result.fieldErrors)) console.error(`--${field}: ${message}`);
      // A taken email is a state of the database, not a mistake in the arguments.
      return result.fieldErrors.email?.includes("already exists") ? 1 : 2;
    }
    console.log(`Created customer ${result.user.email} (id ${result.user.id}).`);
  },
});
