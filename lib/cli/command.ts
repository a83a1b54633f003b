// The operator CLI's building blocks. Each command lives in lib/cli/commands/ (a file per command,
// or one per family such as funds.ts) and is listed in commands/index.ts.
import { parseArgs } from "node:util";

export class UsageError extends Error {}

export type CliOption = { type: "string" | "boolean"; description: string; required?: boolean };

export type CliCommand = {
  name: string;
  summary: string;
  /** Positional arguments, for the usage text, e.g. "<name>". */
  args?: string;
  options?: Record<string, CliOption>;
  run(input: { options: Record<string, string | boolean | undefined>; positionals: string[] }): Promise<number | void>;
};

export function defineCommand(command: CliCommand): CliCommand {
  return command;
}

export function usageOf(command: CliCommand): string {
  const opts = Object.entries(command.options ?? {}).map(
    ([name, o]) => `    --${name}${o.type === "string" ? " <value>" : ""}${o.required ? "" : " (optional)"}  ${o.description}`,
  );
  return [`  ${command.name}${command.args ? ` ${command.args}` : ""}  — ${command.summary}`, ...opts].join("\n");
}

export function parseCommandArgs(command: CliCommand, argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: Object.fromEntries(Object.entries(command.options ?? {}).map(([k, o]) => [k, { type: o.type }])),
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  for (const [name, o] of Object.entries(command.options ?? {})) {
    if (o.required && (parsed.values[name] === undefined || parsed.values[name] === "")) {
      throw new UsageError(`--${name} is required`);
    }
  }
  return { options: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals };
}
