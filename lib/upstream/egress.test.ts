// Issue 12, findings 5 and 6: provider requests never reach loopback, private, link-local or
// metadata addresses (checked at connect time, names included), https is required in production
// unless a host is named, bodies are never echoed into messages, and answers are capped in size.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { addProviderForAdmin, checkProviderForAdmin } from "@/lib/providers/staff-providers";
import { makeActors, parsed, uniqueLabel as unique } from "@/lib/testing/fixtures";
import { ZProviderInput } from "@/lib/providers/schemas";
import { closeDb, getDb } from "@/lib/db/connection";
import { createUpstreamClient } from "./client";
import { addressRefusal, urlRefusal, type EgressPolicy } from "./egress";

const strict: EgressPolicy = { allowPrivate: false, requireHttps: false, allowHttpHosts: [], maxBodyBytes: 1024 * 1024 };
const local: EgressPolicy = { ...strict, allowPrivate: true };

let server: http.Server;
let port = 0;
let requests = 0;
let reply: (res: http.ServerResponse) => void = (res) => res.end('{"balance":"1.00","currency":"USD"}');

beforeAll(async () => {
  server = http.createServer((req, res) => {
    requests++;
    req.resume();
    req.on("end", () => reply(res));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await closeDb();
});

const clientFor = (url: string, egress: EgressPolicy) => createUpstreamClient({ url, key: "k-123", readRetries: 0, timeoutMs: 20_000, egress });

describe("egress rules", () => {
  it("refuses loopback by address and by name, before anything is sent", async () => {
    const before = requests;
    const byAddress = await clientFor(`http://127.0.0.1:${port}/api/v2`, strict).balance();
    expect(byAddress).toEqual({ ok: false, kind: "definite", message: "balance: refused to connect: 127.0.0.1 is a loopback address" });
    // A name is checked in the socket's own DNS lookup, i.e. on the address actually connected to.
    const byName = await clientFor(`http://localhost:${port}/api/v2`, strict).balance();
    expect(byName).toMatchObject({ ok: false, kind: "definite", message: expect.stringMatching(/^balance: refused to connect to localhost: .* is a loopback address$/) });
    expect(requests).toBe(before);
    // The setting for local simulators lets the same server answer.
    expect(await clientFor(`http://localhost:${port}/api/v2`, local).balance()).toMatchObject({ ok: true });
  });

  it("knows the private, link-local, unique-local, metadata and special ranges", () => {
    for (const host of [
      "169.254.169.254", "[fd00:ec2::254]", "[::ffff:127.0.0.1]", "[::ffff:169.254.169.254]", "0.0.0.0", "10.0.0.1", "172.16.3.4",
      "192.168.1.1", "100.64.0.1", "255.255.255.255", "224.0.0.1", "[::1]", "[::]", "[fe80::1]", "[fc00::1]", "240.0.0.1",
    ]) {
      expect(urlRefusal(new URL(`http://${host}/api/v2`), strict), host).toMatch(/ is a \w+ address$/);
    }
    expect(addressRefusal("93.184.216.34", strict)).toBeNull();
    expect(addressRefusal("2606:4700::6810:84e5", strict)).toBeNull();
    // Metadata stays refused even where local simulators are allowed.
    expect(urlRefusal(new URL("http://169.254.169.254/latest/meta-data"), local)).toBe("169.254.169.254 is a linkLocal address");
    expect(urlRefusal(new URL("file:///etc/passwd"), local)).toMatch(/only http and https/);
  });

  // Issue 19, item 11: https://[::127.0.0.1]:5401/ (IPv4-compatible) passed the check.
  it("refuses every IPv6 form that carries an IPv4 address, even where local simulators are allowed", () => {
    for (const [host, form] of [
      ["[::127.0.0.1]", "127.0.0.1 (IPv4-compatible form)"],
      ["[::8.8.8.8]", "8.8.8.8 (IPv4-compatible form)"],
      ["[::169.254.169.254]", "169.254.169.254 (IPv4-compatible form)"],
      ["[::ffff:0:127.0.0.1]", "127.0.0.1 (IPv4-translated form)"],
      ["[64:ff9b::127.0.0.1]", "127.0.0.1 (NAT64 form)"],
      ["[64:ff9b::8.8.8.8]", "8.8.8.8 (NAT64 form)"],
      ["[64:ff9b:1::7f00:1]", "127.0.0.1 (local NAT64 form)"],
      ["[2002:7f00:1::]", "127.0.0.1 (6to4 form)"],
      ["[2002:a9fe:a9fe::1]", "169.254.169.254 (6to4 form)"],
      ["[2001:0:7f00:1::]", "127.0.0.1 (Teredo form)"],
    ]) {
      for (const policy of [strict, local]) expect(urlRefusal(new URL(`https://${host}:5401/`), policy), host).toContain(`carries ${form}`);
    }
    // IPv4-mapped is judged as the IPv4 address it is.
    expect(urlRefusal(new URL("https://[::ffff:127.0.0.1]:5401/"), strict)).toBe("::ffff:7f00:1 is a loopback address");
    expect(addressRefusal("::ffff:93.184.216.34", strict)).toBeNull();
    expect(addressRefusal("::", strict)).toBe(":: is a unspecified address");
    expect(addressRefusal("::1", local)).toBeNull();
  });

  it("requires https in production unless the host is named", () => {
    const production = { ...strict, requireHttps: true };
    expect(urlRefusal(new URL("http://panel.example/api/v2"), production)).toMatch(/plain http is refused in production for panel\.example/);
    expect(urlRefusal(new URL("https://panel.example/api/v2"), production)).toBeNull();
    expect(urlRefusal(new URL("http://panel.example/api/v2"), { ...production, allowHttpHosts: ["panel.example"] })).toBeNull();
  });

  it("never echoes a body into the message; admins get a short sanitised snippet in the log", async () => {
    reply = (res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end(`<html><body>INTERNAL-ONLY metadata k-123 ${"x".repeat(500)}</body></html>`);
    };
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const result = await clientFor(`http://127.0.0.1:${port}/api/v2`, local).balance();
      expect(result).toEqual({ ok: false, kind: "indeterminate", httpStatus: 502, message: "balance: HTTP 502 with a body that is not valid JSON" });
      const logged = warn.mock.calls.map((c) => c.join(" ")).join("\n");
      expect(logged).toContain("INTERNAL-ONLY");
      expect(logged).not.toContain("k-123");
      expect(logged.length).toBeLessThan(300);
    } finally {
      warn.mockRestore();
    }
  });

  it("cuts an oversized answer off while streaming", async () => {
    let written = 0;
    reply = (res) => {
      res.writeHead(200, { "content-type": "application/json" });
      const chunk = Buffer.alloc(64 * 1024, "a");
      // Endless unless the client hangs up: only the cap can end this exchange before the timeout.
      const pump = () => {
        while (!res.destroyed && res.write(chunk)) written += chunk.length;
        if (!res.destroyed) res.once("drain", pump);
      };
      res.on("close", () => res.removeAllListeners("drain"));
      pump();
    };
    const result = await clientFor(`http://127.0.0.1:${port}/api/v2`, local).balance();
    expect(result).toEqual({ ok: false, kind: "indeterminate", message: `balance: answer larger than ${1024 * 1024} bytes, not read` });
    expect(written).toBeLessThan(64 * 1024 * 1024);
    reply = (res) => res.end('{"balance":"1.00","currency":"USD"}');
  });

  it("applies to the admin's provider check: a metadata URL is refused with no request made", async () => {
    const db = await getDb();
    const { admin } = await makeActors(db);
    const added = await addProviderForAdmin(db, admin, parsed(ZProviderInput, { name: unique("metadata"), url: "http://169.254.169.254/latest/api", key: "metadata-test-key", timeoutMs: "1000" }));
    if (!added.ok || !("provider" in added)) throw new Error("not added");
    const report = await checkProviderForAdmin(db, admin, added.provider.id);
    expect(report).toMatchObject({ ok: false, code: "service_unavailable", message: "balance: refused — balance: refused to connect: 169.254.169.254 is a linkLocal address" });
  });
});
