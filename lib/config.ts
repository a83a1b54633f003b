// The environment settings, read and validated in one place. A setting that is set but wrong
// (REFILL_COOLDOWN_HOURS=abc) is an error naming it, not a silent default; unset settings take
// the defaults documented in .env.example. Reads process.env on each call so that a test or a
// CLI may change a setting (a parse only when a setting changed). To add a setting: a field in
// ZEnvironment, and its name, meaning and default in .env.example.
import { z } from "zod";
import { parseDecimal } from "@/lib/money/decimal";
import { secretValueProblem } from "@/lib/config/secret-value";
import { parseTrustedProxies } from "@/lib/http/client-address";

const unsetIfBlank = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const setting = <T extends z.ZodType>(schema: T) => z.preprocess(unsetIfBlank, schema);
const wholeNumber = () => z.coerce.number({ error: "must be a number" }).int("must be a whole number");
const lowerCase = (value: unknown) => (typeof value === "string" ? value.trim().toLowerCase() : value);
const hostList = (text: string) => text.split(",").map((h) => h.trim().toLowerCase()).filter(Boolean);
function refuseWeakSecret(value: string | undefined, ctx: z.RefinementCtx): void {
  const problem = value === undefined ? null : secretValueProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
}

const seconds = (min: number) =>
  z.coerce.number({ error: "must be a number of seconds" }).finite("must be a number of seconds").min(min, `must be at least ${min}`);
const optionalUrl = () => setting(z.url({ error: "must be a URL" }).optional());
const optionalText = () => setting(z.string().trim().optional());

const ZEnvironment = z.object({
  NODE_ENV: setting(z.enum(["development", "production", "test"]).default("development")),
  /** Unset or pglite:<folder>: the embedded database; otherwise a postgresql:// URL (lib/db/target.ts reads it). */
  DATABASE_URL: setting(z.string().optional()),
  /** 1: each connection prepares a statement once (lib/db/statement-names.ts); 0 for PgBouncer in transaction mode before 1.21. */
  DATABASE_PREPARED_STATEMENTS: setting(z.enum(["0", "1"], { error: "must be 0 or 1" }).default("1")),
  NEXTAUTH_URL: setting(z.url({ error: "must be a URL" }).optional()),
  /** The panel's own currency: every balance, price and ledger amount is in it. */
  PANEL_CURRENCY: setting(z.string().regex(/^[A-Z]{3}$/, "must be a three-letter code such as USD").default("USD")),
  /** Unset: on for the embedded database, off for PostgreSQL (the worker then runs as `npm run worker`). */
  IN_PROCESS_WORKER: setting(z.enum(["0", "1"], { error: "must be 0 or 1" }).optional()),
  WORKER_INTERVAL_MS: setting(wholeNumber().min(1, "must be at least 1").default(5_000)),
  REFILL_COOLDOWN_HOURS: setting(z.coerce.number({ error: "must be a number" }).min(0, "must not be negative").default(24)),
  /** Days a referral link's cookie lasts: a sign-up within them is referred (lib/affiliates). */
  AFFILIATE_COOKIE_DAYS: setting(wholeNumber().min(1, "must be at least 1").max(365, "must be at most 365").default(30)),

  // Secrets (lib/config/secrets.ts decides when a missing one is allowed).
  /** Signs session cookies; a placeholder or a short value is refused wherever it is read. */
  NEXTAUTH_SECRET: setting(z.string().optional().superRefine(refuseWeakSecret)),
  /** Encrypts provider API keys and two-factor secrets at rest. */
  PROVIDER_KEY_SECRET: setting(z.string().optional().superRefine(refuseWeakSecret)),

  // Sign-in and sessions
  /** `required`: every admin must set up two-factor sign-in before using admin pages. */
  ADMIN_TWO_FACTOR: setting(z.preprocess(lowerCase, z.enum(["required", "optional"], { error: "must be required or optional" }).default("optional"))),
  /** A session unused this long ends (1 … 10080 minutes, a week). */
  SESSION_IDLE_MINUTES: setting(wholeNumber().min(1, "must be at least 1").max(10_080, "must be at most 10080 (a week)").default(60)),

  // Request limits
  /** Requests per minute on /api/v2 per customer (all its keys together) and per unknown key. */
  API_RATE_LIMIT_PER_MINUTE: setting(wholeNumber().min(1, "must be at least 1").default(120)),
  /** Proxies whose forwarded client address is believed: addresses or CIDR ranges, comma-separated (lib/http/client-address.ts). */
  TRUSTED_PROXIES: setting(
    z.string().default("").transform((text, ctx) => {
      try {
        return parseTrustedProxies(text);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
        return z.NEVER;
      }
    }),
  ),
  /** Unset: limits are counted in PostgreSQL (or memory on PGlite). */
  REDIS_URL: setting(z.string().trim().regex(/^rediss?:\/\/\S+$/, "must be a redis:// or rediss:// URL").optional()),

  // Provider egress (lib/upstream/egress.ts)
  UPSTREAM_ALLOW_PRIVATE: setting(z.enum(["0", "1"], { error: "must be 0 or 1" }).default("0")),
  /** Host names that may be called over plain http in production, comma-separated. */
  UPSTREAM_ALLOW_HTTP_HOSTS: setting(z.string().default("").transform(hostList)),
  UPSTREAM_MAX_BODY_BYTES: setting(wholeNumber().min(1, "must be at least 1").default(10 * 1024 * 1024)),

  // Leases and grace (seconds; lib/jobs and lib/orders/submission-lease.ts)
  WORKER_LEASE_SECONDS: setting(seconds(1).default(60)),
  SUBMIT_LEASE_SECONDS: setting(seconds(1).default(30)),
  SUBMIT_GRACE_SECONDS: setting(seconds(0).default(15)),

  // Reconciliation of unknown orders (lib/reconcile)
  /** Most unclaimed upstream ids probed for one unknown order's window. */
  RECONCILE_MAX_PROBE_IDS: setting(wholeNumber().min(1, "must be at least 1").default(5_000)),
  /** An unknown order whose closed window holds nothing of ours is failed and refunded this long after its add left. */
  RECONCILE_NOT_PLACED_AFTER_SECONDS: setting(seconds(0).default(3_600)),
  /** Beyond the provider's timeout, how long an add may still create its order upstream (the window's upper side waits this long). */
  RECONCILE_IN_FLIGHT_SECONDS: setting(seconds(0).default(60)),

  /** The staff overview warns when provider funds ÷ customer balances falls below this. */
  COVER_RATIO_WARNING: setting(z.string().trim().refine((v) => parseDecimal(v)?.gt(0) ?? false, "must be a number above 0, such as 1.2").default("1.2")),

  // Payments (lib/payments)
  /** Where gateways send customers back and post webhooks; default NEXTAUTH_URL. */
  PAYMENTS_PUBLIC_URL: optionalUrl(),
  STRIPE_SECRET_KEY: optionalText(),
  STRIPE_WEBHOOK_SECRET: optionalText(),
  /** Another Stripe API host (tests point it at a local server). */
  STRIPE_API_BASE: optionalUrl(),
  CRYPTOMUS_MERCHANT_ID: optionalText(),
  CRYPTOMUS_API_KEY: optionalText(),
  CRYPTOMUS_API_BASE: setting(z.url({ error: "must be a URL" }).default("https://api.cryptomus.com")),

  // Owner alerts (lib/alerts)
  /** Bot token for owner alerts by Telegram; unset: alerts go by email only. */
  TELEGRAM_BOT_TOKEN: optionalText(),
  /** Another Bot API host (tests point it at a local server). */
  TELEGRAM_API_BASE: setting(z.url({ error: "must be a URL" }).default("https://api.telegram.org")),
  /** At most one alert digest per this many minutes, however many alerts arrive. */
  ALERT_DIGEST_MINUTES: setting(wholeNumber().min(1, "must be at least 1").default(15)),
  /** Alert when a provider's last read balance (in its own currency) is below this; unset: never. */
  ALERT_PROVIDER_BALANCE_BELOW: setting(
    z.string().trim().refine((v) => parseDecimal(v)?.gte(0) ?? false, "must be a number such as 50").optional(),
  ),

  // Email (lib/mail)
  /** smtp://user:pass@host:587 or smtps://user:pass@host:465; unset: mail waits in the outbox. */
  SMTP_URL: setting(z.string().trim().regex(/^smtps?:\/\/\S+$/, "must be an smtp:// or smtps:// URL").optional()),
  MAIL_FROM: setting(z.string().trim().default("Reseller Panel <no-reply@localhost>")),
  /** The demo's local SMTP sink writes what it receives here; /admin/mail shows it (never set in production). */
  MAIL_SINK_DIR: optionalText(),
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

const SETTING_NAMES = Object.keys(ZEnvironment.shape);
let last: { key: string; settings: Config } | undefined;

/**
 * The settings of this process now. process.env is read on every call (a test or the CLI may
 * change it); only when none of the settings changed since the last call is the last parse
 * reused, since hot paths (each upstream request, each key decryption) ask for it.
 */
export function config(): Config {
  const key = SETTING_NAMES.map((name) => process.env[name] ?? "\u0000").join("\u0001");
  if (last?.key !== key) last = { key, settings: Object.freeze(readConfig()) };
  return last.settings;
}
