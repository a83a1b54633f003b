// Where the server may send requests to provider panels. A provider URL is typed by an admin, so
// without rules it would let the panel call its own loopback services, the private network or a
// cloud metadata endpoint (169.254.169.254, fd00:ec2::254) — server-side request forgery. Rules:
//   - only http(s); https in production unless UPSTREAM_ALLOW_HTTP_HOSTS names the host;
//   - every address the name resolves to must be public unicast (ipaddr.js's "unicast" range:
//     loopback, private, link-local, unique-local, carrier-grade NAT, multicast, broadcast,
//     unspecified, reserved, IPv4-mapped and translation ranges are all refused);
//   - the check runs at connect time, in the socket's own DNS lookup, and the socket connects to
//     the address that was checked: a name that resolves to a public address when saved and to
//     127.0.0.1 later (DNS rebinding) is still refused;
//   - UPSTREAM_ALLOW_PRIVATE=1 allows private and loopback addresses, for local simulators in
//     development, tests and the demo.
import dns from "node:dns";
import type { LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";
import { config, readConfig } from "@/lib/config";

export type EgressPolicy = {
  allowPrivate: boolean;
  requireHttps: boolean;
  /** Host names (lower case) that may be called over plain http even when https is required. */
  allowHttpHosts: readonly string[];
  /** Larger answers are cut off while streaming. */
  maxBodyBytes: number;
};

/** The policy from the UPSTREAM_* settings (lib/config.ts); `env` for tests. */
export function egressPolicyFromEnv(env?: Record<string, string | undefined>): EgressPolicy {
  const settings = env ? readConfig(env) : config();
  return {
    allowPrivate: settings.UPSTREAM_ALLOW_PRIVATE === "1",
    requireHttps: settings.NODE_ENV === "production",
    allowHttpHosts: settings.UPSTREAM_ALLOW_HTTP_HOSTS,
    maxBodyBytes: settings.UPSTREAM_MAX_BODY_BYTES,
  };
}

/** Why this address must not be called, or null for a public unicast address. */
export function addressRefusal(address: string, policy: Pick<EgressPolicy, "allowPrivate">): string | null {
  if (!ipaddr.isValid(address)) return `"${address}" is not an IP address`;
  let parsed = ipaddr.parse(address);
  // ::ffff:127.0.0.1 is 127.0.0.1.
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  const range = parsed.range();
  if (range === "unicast") return null;
  if (policy.allowPrivate && ["private", "loopback", "uniqueLocal", "carrierGradeNat"].includes(range)) return null;
  return `${address} is a ${range} address`;
}

export class EgressRefused extends Error {
  readonly code = "EGRESS_REFUSED";
}

/** A URL's scheme and literal address, checked before any connection. */
export function urlRefusal(url: URL, policy: EgressPolicy): string | null {
  if (url.protocol !== "https:" && url.protocol !== "http:") return `only http and https URLs are allowed (got ${url.protocol})`;
  if (url.username || url.password) return "URLs with credentials are not allowed";
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (url.protocol === "http:" && policy.requireHttps && !policy.allowHttpHosts.includes(host)) {
    return `plain http is refused in production for ${host} (use https, or list the host in UPSTREAM_ALLOW_HTTP_HOSTS)`;
  }
  // An IP literal is connected to without a DNS lookup, so it is checked here.
  if (ipaddr.isValid(host)) return addressRefusal(host, policy);
  return null;
}

/** net.connect's `lookup`: resolve, refuse if any answer is not allowed, hand back the checked ones. */
export function guardedLookup(policy: EgressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const list = addresses as dns.LookupAddress[];
      const refused = list.map((a) => addressRefusal(a.address, policy)).find(Boolean);
      if (refused || list.length === 0) {
        return callback(new EgressRefused(`refused to connect to ${hostname}: ${refused ?? "no address"}`), "", 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}
