import { createApiKey } from "@/lib/api-keys";
import { getDb } from "@/lib/db/connection";
import { ZEmail } from "@/lib/users/schemas";
import { defineCommand, UsageError } from "../command";

export default defineCommand({
  name: "apikey:create",
  summary: "create an API key for an account and print it (it is shown this once)",
  options: {
    email: { type: "string", description: "the account's email address", required: true },
    name: { type: "string", description: "a name to tell the key apart (default \"CLI\")" },
  },
  async run({ options }) {
    const email = ZEmail.safeParse(options.email);
    if (!email.success) throw new UsageError(`--email: ${email.error.issues[0]?.message ?? "invalid"}`);
    const db = await getDb();
    const user = await db.user.findUnique({ where: { email: email.data }, select: { id: true } });
    if (!user) {
      console.error(`No account with email ${email.data}.`);
      return 1;
    }
    const result = await createApiKey(db, user.id, options.name ?? "CLI");
    if (!result.ok) {
      if (result.fields?.name) throw new UsageError(`--name: ${result.fields.name.message}`);
      console.error(result.message);
      return 1;
    }
    console.error(`Created API key "${result.apiKey.name}" (id ${result.apiKey.id}) for ${email.data}. It is shown once; store it now:`);
    console.log(result.key);
  },
});
