import type { CliCommand } from "./command";
import { COMMANDS } from "./commands";

/** Every command, keyed by its name ("provider:add" lives in commands/provider-add.ts). */
export function loadCommands(): Map<string, CliCommand> {
  return new Map(COMMANDS.map((command) => [command.name, command]));
}
