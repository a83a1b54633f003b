// The two secrets the panel lives on: NEXTAUTH_SECRET signs session cookies (whoever knows it can
// forge an admin session) and PROVIDER_KEY_SECRET encrypts provider API keys (and TOTP secrets) at
// rest. A placeholder copied from .env.example or a short value is refused everywhere; a missing
// one is refused in production and, for the CLI and the worker, whenever the database is
// PostgreSQL (a shared database must never get rows sealed with the public development value).
// Development on the embedded database falls back to fixed, clearly named local values.
// The values themselves are validated in lib/config.ts (ZEnvironment); this file decides when a
// missing one is allowed and lists every problem at process start.
import { config, readConfig } from "@/lib/config";
import { resolveDatabaseTarget } from "@/lib/db/target";
import { DEVELOPMENT_SECRETS, MIN_SECRET_LENGTH, secretValueProblem as valueProblem } from "./secret-value";

export { MIN_SECRET_LENGTH };
export type SecretName = "NEXTAUTH_SECRET" | "PROVIDER_KEY_SECRET";
export const SECRET_NAMES: readonly SecretName[] = ["NEXTAUTH_SECRET", "PROVIDER_KEY_SECRET"];

type Env = Record<string, string | undefined>;
export type SecretContext = "app" | "cli";

/** Why this value must not be used, or null when it is acceptable. */
export function secretValueProblem(name: SecretName, value: string): string | null {
  const problem = valueProblem(value);
  return problem && `${name} ${problem}`;
}

function isPostgres(databaseUrl: string | undefined): boolean {
  try {
    return resolveDatabaseTarget(databaseUrl).kind === "postgres";
  } catch {
    return false;
  }
}

/**
 * Every reason the configuration must not start, for the app or the CLI/worker. Reads `env`
 * itself rather than through config(): it lists the secrets' problems, where config() would
 * stop at the first wrong setting.
 */
export function secretProblems(context: SecretContext, env: Env = process.env): string[] {
  const problems: string[] = [];
  const production = env.NODE_ENV === "production";
  for (const name of SECRET_NAMES) {
    const value = env[name]?.trim() ? env[name] : undefined;
    if (value) {
      const problem = secretValueProblem(name, value);
      if (problem) problems.push(problem);
    } else if (production) {
      problems.push(`${name} is not set: it is required in production.`);
    } else if (context === "cli" && isPostgres(env.DATABASE_URL)) {
      problems.push(`${name} is not set: the CLI and the worker never use development secrets on PostgreSQL.`);
    }
  }
  return problems;
}

export class SecretConfigError extends Error {}

/** Throws one error naming every problem; call at the start of each process. */
export function assertSecretsConfigured(context: SecretContext, env: Env = process.env): void {
  const problems = secretProblems(context, env);
  if (problems.length) throw new SecretConfigError(`Refusing to start: ${problems.join(" ")}`);
}

/**
 * The secret to use now, from config(). A bad value throws (also when the startup check was
 * skipped); a missing one falls back to the development value only outside production.
 */
export function readSecret(name: SecretName, env?: Env): string {
  const settings = env ? readConfig(env) : config();
  const value = settings[name];
  if (value) return value;
  if (settings.NODE_ENV === "production") throw new SecretConfigError(`${name} is not set: it is required in production.`);
  return DEVELOPMENT_SECRETS[name];
}
