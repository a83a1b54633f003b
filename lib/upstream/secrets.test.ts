// The API key never leaves the client in a failure message, whatever the upstream echoes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUpstreamClient } from "./client";
import { startScriptedUpstream, type ScriptedAnswer, type ScriptedUpstream } from "./testing/scripted-upstream";

const KEY = "sk-live+9f/3c2=e1a7b";
const ENCODED_KEY = encodeURIComponent(KEY);

let upstream: ScriptedUpstream;

beforeAll(async () => {
  upstream = await startScriptedUpstream((request): ScriptedAnswer => {
    const key = request.get("key") ?? "";
    switch (request.get("action")) {
      case "balance":
        return { body: JSON.stringify({ error: `Invalid API key ${key}` }) };
      case "services":
        return { status: 500, body: `<html><body>Fatal error: key=${ENCODED_KEY} rejected</body></html>`, headers: { "content-type": "text/html" } };
      case "status":
        return { body: JSON.stringify({ error: { message: "bad key", key } }), status: 403 };
      case "products":
        return { body: JSON.stringify({ echo: key }) };
      default:
        return { status: 429, body: JSON.stringify({ error: `slow down, ${key}` }), headers: { "retry-after": "0" } };
    }
  });
});
afterAll(() => upstream.close());

describe("the API key stays secret", () => {
  it("is sent in the form body and never appears in a failure message", async () => {
    const client = createUpstreamClient({ url: upstream.url, key: KEY, readRetries: 0 });
    const results = [
      await client.balance(),
      await client.services(),
      await client.status(1),
      await client.products(),
      await client.refillStatus(1),
      await client.add({ type: "Default", service: 1, link: "https://x", quantity: 10 }),
    ];
    expect(upstream.requests.every((request) => request.get("key") === KEY)).toBe(true);
    for (const result of results) {
      expect(result.ok).toBe(false);
      const text = JSON.stringify(result);
      expect(text).not.toContain(KEY);
      expect(text).not.toContain(ENCODED_KEY);
      expect(text).not.toContain("9f/3c2");
    }
    expect(results[0]).toEqual({ ok: false, kind: "definite", message: "Invalid API key [redacted]", httpStatus: 200 });
    expect(results[2]).toMatchObject({ kind: "definite", httpStatus: 403 });
  });

  it("is scrubbed from errors thrown by the transport itself", async () => {
    const throwing = (async () => {
      throw new Error(`socket hang up while sending key=${KEY}`);
    }) as typeof fetch;
    const client = createUpstreamClient({ url: "http://127.0.0.1:9/api/v2", key: KEY, readRetries: 0, fetchImpl: throwing });
    const result = await client.add({ type: "Default", service: 1, link: "https://x", quantity: 10 });
    expect(result).toMatchObject({ ok: false, kind: "indeterminate" });
    expect(JSON.stringify(result)).not.toContain(KEY);
  });
});
