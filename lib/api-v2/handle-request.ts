// POST /api/v2: body → key → rate limit → action, every answer JSON. Refusals are HTTP 200
// `{"error": ...}` as on the panels tools are written for; too many requests is 429 with
// Retry-After. Anything unexpected is logged here and answered 503 `{"error": "Internal error,
// try again later"}`: a 5xx, so that clients (ours included) treat it as "may or may not have
// happened" and never as a refusal they could refund on; never a 500 page.
import { authenticateApiKey } from "@/lib/api-keys";
import { API_CSP, HSTS, requestServedOverHttps } from "@/lib/http/security-headers";
import { getDb } from "@/lib/db/connection";
import type { Db } from "@/lib/db/connection";
import { findApiAction } from "./definitions";
import { API_ERRORS, ApiRefusal, incorrectRequest } from "./errors";
import { readApiParams } from "./read-body";
import { createRateLimiter, rateLimitFromEnv, UNKNOWN_KEYS_PER_ADDRESS_PER_MINUTE, type RateLimiter } from "./rate-limit";
import { clientIp } from "@/lib/rate-limit/client-ip";

export type ApiHandlerOptions = {
  db?: () => Promise<Db>;
  rateLimiter?: RateLimiter;
  /** Requests with a key that is no key, per client address. */
  unknownKeyLimiter?: RateLimiter;
  log?: (message: string, error: unknown) => void;
};

const INTERNAL_RETRY_AFTER_SECONDS = 5;

/** Below this many characters an answer goes out uncompressed (the 1 KB threshold Next would apply if it knew the length). */
const COMPRESS_FROM_CHARACTERS = 1024;

/**
 * Next streams a route's answer without its length, so it would gzip every `{"order":…}` (3 %
 * of the web process's time under add load, bench/placement.ts); `no-transform` tells it (and any
 * proxy) not to. Large answers (services) are still compressed.
 */
function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const text = JSON.stringify(body);
  const cacheControl = text.length < COMPRESS_FROM_CHARACTERS ? "no-store, no-transform" : "no-store";
  return new Response(text, {
    status,
    // This path is outside proxy.ts (every request of the hot path would pay for it), so the
    // headers it would add are set here; the constant ones still come from next.config.mjs.
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": cacheControl, "content-security-policy": API_CSP, ...headers },
  });
}

export function createApiHandler(options: ApiHandlerOptions = {}): (request: Request) => Promise<Response> {
  const openDb = options.db ?? getDb;
  const log = options.log ?? ((message, error) => console.error(message, error));
  // Created on first use so that API_RATE_LIMIT_PER_MINUTE is read at run time, not at build time.
  let limiter = options.rateLimiter;
  let unknownKeyLimiter = options.unknownKeyLimiter;

  return async function handleApiRequest(request: Request): Promise<Response> {
    return withHsts(request, await answer(request));
  };

  async function answer(request: Request): Promise<Response> {
    let action = "";
    try {
      const read = await readApiParams(request);
      if (!read.ok) return json(200, { error: read.error });
      const { params } = read;
      const key = params.get("key") ?? "";

      const db = await openDb();
      const customer = await authenticateApiKey(db, key);
      // One limiter count per request. A known key counts against its customer, so several keys
      // share one limit (a key's own count, with the same limit, could never be the higher one).
      // An unknown key counts against the client's address: a count per wrong key would let one
      // address try any number of keys, each adding a row to the store.
      let decision;
      if (customer) {
        limiter ??= createRateLimiter({ perMinute: rateLimitFromEnv() });
        decision = await limiter.take(`customer:${customer.customerId}`);
      } else {
        unknownKeyLimiter ??= createRateLimiter({ perMinute: UNKNOWN_KEYS_PER_ADDRESS_PER_MINUTE, name: "api-v2:unknown-key" });
        decision = await unknownKeyLimiter.take(`address:${clientIp(request.headers)}`);
      }
      const rateHeaders = { "x-ratelimit-limit": String(decision.limit), "x-ratelimit-remaining": String(decision.remaining) };
      if (!decision.allowed) {
        return json(429, { error: API_ERRORS.tooManyRequests }, { ...rateHeaders, "retry-after": String(decision.retryAfterSeconds) });
      }
      if (!customer) return json(200, { error: API_ERRORS.invalidKey }, rateHeaders);

      action = params.text("action") ?? "";
      const definition = findApiAction(action);
      if (!definition) {
        const refusal = action ? incorrectRequest(`unknown action "${action.slice(0, 40)}"`) : incorrectRequest("action is required");
        return json(200, { error: refusal.text }, rateHeaders);
      }
      try {
        const answer = await definition.handle(
          { db, customerId: customer.customerId, idempotencyKeyHeader: request.headers.get("idempotency-key") ?? undefined },
          params,
        );
        return json(200, answer, rateHeaders);
      } catch (error) {
        if (error instanceof ApiRefusal) return json(200, { error: error.text }, rateHeaders);
        throw error;
      }
    } catch (error) {
      log(`api/v2 ${action || "request"} failed`, error);
      return json(503, { error: API_ERRORS.internal }, { "retry-after": String(INTERNAL_RETRY_AFTER_SECONDS) });
    }
  }
}

/** The same for any other method: the protocol is POST only. */
export function methodNotAllowed(request: Request): Response {
  return withHsts(request, json(405, { error: `${API_ERRORS.incorrectRequest}: use POST` }, { allow: "POST" }));
}

/** HSTS when the panel is served over https, as proxy.ts does for every other path. */
function withHsts(request: Request, response: Response): Response {
  if (requestServedOverHttps(request.headers)) response.headers.set("strict-transport-security", HSTS);
  return response;
}
