// admin:create and customer:create: one account road (createUser, the sign-up schema) for two
// roles. Exit codes: 2 for options that are wrong, 1 for an email already taken (a state of the
// database, not a mistake in the arguments).
import { getDb } from "@/lib/db/connection";
import { createUser } from "@/lib/users/create-user";
import { ZSignUpInput } from "@/lib/users/schemas";
import { defineCommand, type CliCommand, type CliOption } from "../command";
import { parseOptions, printRefusal } from "../parse-options";

function accountCommand(role: "admin" | "customer", extra: Record<string, CliOption> = {}): CliCommand {
  return defineCommand({
    name: `${role}:create`,
    summary: `create ${role === "admin" ? "an admin" : "a customer"} account`,
    options: {
      email: { type: "string", description: "email address", required: true },
      password: { type: "string", description: "at least 10 characters with a digit", required: true },
      ...extra,
    },
    async run({ options }) {
      const input = parseOptions(ZSignUpInput, { email: options.email, password: options.password, name: options.name });
      if (!input) return 2;
      const result = await createUser(await getDb(), input, role);
      if (!result.ok) {
        printRefusal(result);
        return result.code === "email_taken" ? 1 : 2;
      }
      console.log(`Created ${role} ${result.user.email} (id ${result.user.id}).`);
    },
  });
}

export const adminCreate = accountCommand("admin");
export const customerCreate = accountCommand("customer", { name: { type: "string", description: "display name" } });
