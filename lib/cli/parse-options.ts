// A command's options are parsed once, here, with the same zod schema the web form uses; lib
// functions then take the typed result. A bad option and a lib refusal are printed the same way:
// the message, then one line per field (`--amount: Use at most 6 decimals.`).
import type { z } from "zod";
import type { Failure } from "@/lib/result";
import { fieldErrorsOf } from "@/lib/validation/field-errors";

/** How a field is named on the command line; most commands use `--<field>`. */
export type OptionName = (field: string) => string;
const dashed: OptionName = (field) => `--${field}`;

function printFields(fields: Record<string, string>, skip: string | undefined, optionName: OptionName): void {
  for (const [field, message] of Object.entries(fields)) if (message !== skip) console.error(`${optionName(field)}: ${message}`);
}

/** The typed input, or null after printing what is wrong with the options. */
export function parseOptions<S extends z.ZodType>(schema: S, input: unknown, optionName: OptionName = dashed): z.output<S> | null {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  console.error("Check the options:");
  printFields(fieldErrorsOf(parsed.error), undefined, optionName);
  return null;
}

/** Prints a lib refusal: its message, then each field's message that says more. */
export function printRefusal(failure: Failure, optionName: OptionName = dashed): void {
  console.error(failure.message);
  const fields = Object.fromEntries(Object.entries(failure.fields ?? {}).map(([name, issue]) => [name, issue.message]));
  printFields(fields, failure.message, optionName);
}
