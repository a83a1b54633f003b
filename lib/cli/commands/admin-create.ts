import { getDb } from "@/lib/db/connection";
import { createUser } from "@/lib/users/create-user";
import { ZSignUpInput } from "@/lib/users/schemas";
import { defineCommand } from "../command";
import { parseOptions, printRefusal } from "../parse-options";

export default defineCommand({
  name: "admin:create",
  summary: "create an admin account",
  options: {
    email: { type: "string", description: "email address", required: true },
    password: { type: "string", description: "at least 10 characters with a digit", required: true },
  },
  async run({ options }) {
    const input = parseOptions(ZSignUpInput, { email: options.email, password: options.password });
    if (!input) return 1;
    const result = await createUser(await getDb(), input, "admin");
    if (!result.ok) {
      printRefusal(result);
      return 1;
    }
    console.log(`Created admin ${result.user.email} (id ${result.user.id}).`);
  },
});
