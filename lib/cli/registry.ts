import type { CliCommand } from "./command";
import { COMMANDS } from "./commands";

/** Every command, keyed by its name (commands/index.ts lists them). */
export function loadCommands(): Map<string, CliCommand> {
  return new Map(COMMANDS.map((command) => [command.name, command]));
}
