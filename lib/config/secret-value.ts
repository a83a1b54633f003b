// What makes a secret's value unusable — a placeholder from .env.example or a tutorial, a repeated
// character, or fewer than 32 characters — shared by lib/config.ts (which refuses such a value
// wherever it is read) and lib/config/secrets.ts (which lists every problem at start). No imports,
// so both may use it without a cycle.

/** 32 characters: what `openssl rand -base64 24` prints; the README suggests 32 random bytes. */
export const MIN_SECRET_LENGTH = 32;

export const DEVELOPMENT_SECRETS = {
  NEXTAUTH_SECRET: "development-only-nextauth-secret",
  PROVIDER_KEY_SECRET: "development-only-provider-key-secret",
} as const;

function normalised(value: string): string {
  return value.toLowerCase().replace(/[\s_-]+/g, "");
}

/** Values seen in examples and tutorials, compared without case, spaces, dashes or underscores. */
const PLACEHOLDERS = [
  "changeme", "changemetoo", "changethis", "replaceme", "secret", "password", "yoursecret", "yoursecrethere",
  "mysecret", "supersecret", "example", "test", "xxxxxxxx", "todo", "nextauthsecret", "providerkeysecret",
  ...Object.values(DEVELOPMENT_SECRETS),
].map(normalised);

/** Why this value must not be used ("is a placeholder …"), or null when it is acceptable. */
export function secretValueProblem(value: string): string | null {
  if (PLACEHOLDERS.includes(normalised(value)) || /^change-?me/i.test(value.trim()) || /^(.)\1+$/.test(value)) {
    return `is a placeholder ("${value.slice(0, 12)}…"): set a long random value (openssl rand -base64 32).`;
  }
  if (value.length < MIN_SECRET_LENGTH) {
    return `is too short (${value.length} characters; at least ${MIN_SECRET_LENGTH}): use openssl rand -base64 32.`;
  }
  return null;
}
