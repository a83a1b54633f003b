import { getDb } from "@/lib/db/connection";
import { createUser } from "@/lib/users/create-user";
import { defineCommand } from "../command";

export default defineCommand({
  name: "admin:create",
  summary: "create an admin account",
  options: {
    email: { type: "string", description: "email address", required: true },
    password: { type: "string", description: "at least 10 characters with a digit", required: true },
  },
  async run({ options }) {
    const result = await createUser(await getDb(), { email: options.email, password: options.password }, "admin");
    if (!result.ok) {
      for (const [field, message] of Object.entries(result.fieldErrors)) console.error(`--${field}: ${message}`);
      return 1;
    }
    console.log(`Created admin ${result.user.email} (id ${result.user.id}).`);
  },
});
