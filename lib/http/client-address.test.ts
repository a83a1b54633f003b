// Issue 19, item 8: X-Forwarded-For is believed only from TRUSTED_PROXIES; otherwise the socket's
// address is the client's. (The same rule over real HTTP against the running server is in
// e2e/client-address.spec.ts.)
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readConfig } from "@/lib/config";
import { parseTrustedProxies, resolveClientAddress } from "./client-address";

describe("the client address", () => {
  const none = parseTrustedProxies("");

  it("is the socket's address when no proxy is trusted, whatever the request claims", () => {
    expect(resolveClientAddress("203.0.113.9", "1.2.3.4", none)).toBe("203.0.113.9");
    expect(resolveClientAddress("203.0.113.9", "1.2.3.4, 5.6.7.8", none)).toBe("203.0.113.9");
    expect(resolveClientAddress("::ffff:203.0.113.9", undefined, none)).toBe("203.0.113.9");
    expect(resolveClientAddress("2001:db8::1", "1.2.3.4", none)).toBe("2001:db8::1");
    expect(resolveClientAddress(undefined, "1.2.3.4", none)).toBe("unknown");
  });

  it("is the socket's address when the socket is not a trusted proxy", () => {
    const trusted = parseTrustedProxies("10.0.0.0/8");
    expect(resolveClientAddress("203.0.113.9", "1.2.3.4", trusted)).toBe("203.0.113.9");
  });

  it("is read from the right of X-Forwarded-For behind trusted proxies, skipping every trusted hop", () => {
    const trusted = parseTrustedProxies("10.0.0.0/8, 192.0.2.7, fd00::/8");
    expect(resolveClientAddress("10.1.1.1", "198.51.100.4", trusted)).toBe("198.51.100.4");
    // A client's own forged entries sit to the left of what our proxies appended.
    expect(resolveClientAddress("::ffff:10.1.1.1", "6.6.6.6, 198.51.100.4, 192.0.2.7", trusted)).toBe("198.51.100.4");
    expect(resolveClientAddress("fd00::2", "[2001:db8::5]:4431", trusted)).toBe("2001:db8::5");
    expect(resolveClientAddress("10.1.1.1", "198.51.100.4:51234", trusted)).toBe("198.51.100.4");
    // Only proxies: the left-most one is all that is known.
    expect(resolveClientAddress("10.1.1.1", "10.2.2.2", trusted)).toBe("10.2.2.2");
    // No header from a trusted proxy: the proxy itself.
    expect(resolveClientAddress("10.1.1.1", undefined, trusted)).toBe("10.1.1.1");
    // Garbage beyond a trusted proxy is not an address: that proxy is the last one known for certain.
    expect(resolveClientAddress("10.1.1.1", "1.2.3.4, not-an-ip, 192.0.2.7", trusted)).toBe("192.0.2.7");
    expect(resolveClientAddress("10.1.1.1", "127.1", trusted)).toBe("10.1.1.1");
  });

  it("TRUSTED_PROXIES takes addresses and ranges and names a wrong entry", () => {
    expect(readConfig({}).TRUSTED_PROXIES).toEqual([]);
    expect(readConfig({ TRUSTED_PROXIES: "127.0.0.1, ::1, 10.0.0.0/8, ::ffff:172.16.0.0/108" }).TRUSTED_PROXIES).toHaveLength(4);
    expect(resolveClientAddress("172.16.3.3", "198.51.100.4", parseTrustedProxies("::ffff:172.16.0.0/108"))).toBe("198.51.100.4");
    expect(() => readConfig({ TRUSTED_PROXIES: "10.0.0.0/8, proxy.local" })).toThrow('TRUSTED_PROXIES: "proxy.local" is not an IP address');
    expect(() => readConfig({ TRUSTED_PROXIES: "10.0.0.0/40" })).toThrow('TRUSTED_PROXIES: "10.0.0.0/40" is not an address range');
  });
});

describe("one road for the client address", () => {
  const sources = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === "node_modules" || entry.name === "generated" ? [] : sources(full);
      return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
    });

  it("only the server decides it and only clientIp reads it: no other code reads X-Forwarded-For or X-Real-IP", () => {
    const readers = ["app", "components", "lib", "scripts", "proxy.ts"]
      .flatMap((root) => (root.endsWith(".ts") ? [root] : sources(root)))
      .filter((file) => /x-forwarded-for|x-real-ip|remoteAddress/i.test(fs.readFileSync(file, "utf8")));
    expect(readers.sort()).toEqual(["lib/http/client-address.ts", "lib/rate-limit/client-ip.ts", "scripts/server.ts"]);
  });
});
