// The two secrets the panel lives on: NEXTAUTH_SECRET signs session cookies (whoever knows it can
// forge an admin session) and PROVIDER_KEY_SECRET encrypts provider API keys (and TOTP secrets) at
// rest. A placeholder copied from .env.example or a short value is refused everywhere; a missing
// one is refused in production and, for the CLI and the worker, whenever the database is
// PostgreSQL (a shared database must never get rows sealed with the public development value).
// Development on the embedded database falls back to fixed, clearly named local values.
//
// (lib/config.ts, created by helper "results" for other settings, may absorb this file.)
import { resolveDatabaseTarget } from "@/lib/db/target";

export type SecretName = "NEXTAUTH_SECRET" | "PROVIDER_KEY_SECRET";
export const SECRET_NAMES: readonly SecretName[] = ["NEXTAUTH_SECRET", "PROVIDER_KEY_SECRET"];

/** 32 characters: what `openssl rand -base64 24` prints; the README suggests 32 random bytes. */
export const MIN_SECRET_LENGTH = 32;

const DEVELOPMENT_SECRETS: Record<SecretName, string> = {
  NEXTAUTH_SECRET: "development-only-nextauth-secret",
  PROVIDER_KEY_SECRET: "development-only-provider-key-secret",
};

/** Values seen in examples and tutorials, compared without case, spaces, dashes or underscores. */
const PLACEHOLDERS = [
  "changeme", "changemetoo", "changethis", "replaceme", "secret", "password", "yoursecret", "yoursecrethere",
  "mysecret", "supersecret", "example", "test", "xxxxxxxx", "todo", "nextauthsecret", "providerkeysecret",
  ...Object.values(DEVELOPMENT_SECRETS),
].map(normalised);

function normalised(value: string): string {
  return value.toLowerCase().replace(/[\s_-]+/g, "");
}

type Env = Record<string, string | undefined>;
export type SecretContext = "app" | "cli";

/** Why this value must not be used, or null when it is acceptable. */
export function secretValueProblem(name: SecretName, value: string): string | null {
  const n = normalised(value);
  if (PLACEHOLDERS.includes(n) || /^change-?me/i.test(value.trim()) || /^(.)\1+$/.test(value)) {
    return `${name} is a placeholder ("${value.slice(0, 12)}…"): set a long random value (openssl rand -base64 32).`;
  }
  if (value.length < MIN_SECRET_LENGTH) {
    return `${name} is too short (${value.length} characters; at least ${MIN_SECRET_LENGTH}): use openssl rand -base64 32.`;
  }
  return null;
}

function isProduction(env: Env): boolean {
  return env.NODE_ENV === "production";
}

function isPostgres(env: Env): boolean {
  try {
    return resolveDatabaseTarget(env.DATABASE_URL).kind === "postgres";
  } catch {
    return false;
  }
}

/** Every reason the configuration must not start, for the app or the CLI/worker. */
export function secretProblems(context: SecretContext, env: Env = process.env): string[] {
  const problems: string[] = [];
  for (const name of SECRET_NAMES) {
    const value = env[name];
    if (value) {
      const problem = secretValueProblem(name, value);
      if (problem) problems.push(problem);
    } else if (isProduction(env)) {
      problems.push(`${name} is not set: it is required in production.`);
    } else if (context === "cli" && isPostgres(env)) {
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
 * The secret to use now. A bad value throws (also when the startup check was skipped); a missing
 * one falls back to the development value only outside production.
 */
export function readSecret(name: SecretName, env: Env = process.env): string {
  const value = env[name];
  if (value) {
    const problem = secretValueProblem(name, value);
    if (problem) throw new SecretConfigError(problem);
    return value;
  }
  if (isProduction(env)) throw new SecretConfigError(`${name} is not set: it is required in production.`);
  return DEVELOPMENT_SECRETS[name];
}
