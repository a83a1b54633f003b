import { assertSecretsConfigured } from "@/lib/config/secrets";
import { closeDb } from "@/lib/db/connection";
import { parseCommandArgs, usageOf, UsageError } from "./command";
import { loadCommands } from "./registry";

/**
 * Runs one CLI command; returns the process exit code (2 for bad arguments). The app runs
 * forwarded commands with `keepDb`, since the database client is its own.
 */
export async function runCli(argv: string[], { keepDb = false } = {}): Promise<number> {
  const commands = loadCommands();
  const usage = () =>
    `usage: npm run panel -- <command> [options]\n\ncommands:\n${[...commands.values()].map(usageOf).join("\n")}`;
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help") {
    console.log(usage());
    return name ? 0 : 2;
  }
  const command = commands.get(name);
  if (!command) {
    console.error(`unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  try {
    // Before any command touches the database: never seal rows with placeholder or development secrets.
    assertSecretsConfigured("cli");
    const input = parseCommandArgs(command, rest);
    return (await command.run(input)) ?? 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\nusage:\n${usageOf(command)}`);
      return 2;
    }
    console.error(`error: ${(error as Error).message}`);
    return 1;
  } finally {
    if (!keepDb) await closeDb();
  }
}
