import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { CliCommand } from "./command";

const commandsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "commands");

/** Every command in lib/cli/commands/, keyed by its name ("provider:add" lives in provider-add.ts). */
export async function loadCommands(): Promise<Map<string, CliCommand>> {
  const files = fs.readdirSync(commandsDir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts")).sort();
  const commands = new Map<string, CliCommand>();
  for (const file of files) {
    const mod = (await import(path.join(commandsDir, file))) as { default: CliCommand };
    commands.set(mod.default.name, mod.default);
  }
  return commands;
}
