// The environment settings, read and validated in one place. A setting that is set but wrong
// (REFILL_COOLDOWN_HOURS=abc) is an error naming it, not a silent default; unset settings take
// the defaults documented in .env.example. Reads process.env on each call so that a test or a
// CLI may change a setting; the parse is a few microseconds. To add a setting: a field in
// ZEnvironment, and its name, meaning and default in .env.example.
import { z } from "zod";

const unsetIfBlank = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const setting = <T extends z.ZodType>(schema: T) => z.preprocess(unsetIfBlank, schema);
const wholeNumber = () => z.coerce.number({ error: "must be a number" }).int("must be a whole number");

const ZEnvironment = z.object({
  NODE_ENV: setting(z.enum(["development", "production", "test"]).default("development")),
  /** Unset or pglite:<folder>: the embedded database; otherwise a postgresql:// URL (lib/db/target.ts reads it). */
  DATABASE_URL: setting(z.string().optional()),
  NEXTAUTH_URL: setting(z.url({ error: "must be a URL" }).optional()),
  /** The panel's own currency: every balance, price and ledger amount is in it. */
  PANEL_CURRENCY: setting(z.string().regex(/^[A-Z]{3}$/, "must be a three-letter code such as USD").default("USD")),
  /** Unset: on for the embedded database, off for PostgreSQL (the worker then runs as `npm run worker`). */
  IN_PROCESS_WORKER: setting(z.enum(["0", "1"], { error: "must be 0 or 1" }).optional()),
  WORKER_INTERVAL_MS: setting(wholeNumber().min(1, "must be at least 1").default(5_000)),
  REFILL_COOLDOWN_HOURS: setting(z.coerce.number({ error: "must be a number" }).min(0, "must not be negative").default(24)),
});

export type Config = z.output<typeof ZEnvironment>;

export class ConfigError extends Error {}

/** The settings from `env`, or a ConfigError listing every setting that is wrong. */
export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ZEnvironment.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`);
  throw new ConfigError(`Invalid settings in the environment:\n  ${problems.join("\n  ")}`);
}

export const config = (): Config => readConfig();
