// Where the server may send requests to provider panels. A provider URL is typed by an admin, so
// without rules it would let the panel call its own loopback services, the private network or a
// cloud metadata endpoint (169.254.169.254, fd00:ec2::254) — server-side request forgery. Rules:
//   - only http(s); https in production unless UPSTREAM_ALLOW_HTTP_HOSTS names the host;
//   - every address the name resolves to must be public unicast (ipaddr.js's "unicast" range:
//     loopback, private, link-local, unique-local, carrier-grade NAT, multicast, broadcast,
//     unspecified, reserved and translation ranges are all refused; an IPv4-mapped address is
//     judged as its IPv4 address, and every other IPv6 form carrying an IPv4 address is refused);
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

/** The IPv6 forms that carry an IPv4 address inside (other than IPv4-mapped, which is that address). */
const IPV4_CARRYING: readonly { name: string; range: readonly [ipaddr.IPv6, number]; at: number }[] = [
  // ::a.b.c.d, deprecated (RFC 4291) yet still routed to a.b.c.d by some stacks; ipaddr.js calls it unicast.
  { name: "IPv4-compatible", range: [ipaddr.IPv6.parse("::"), 96], at: 12 },
  { name: "IPv4-translated", range: [ipaddr.IPv6.parse("::ffff:0:0:0"), 96], at: 12 },
  { name: "NAT64", range: [ipaddr.IPv6.parse("64:ff9b::"), 96], at: 12 },
  { name: "local NAT64", range: [ipaddr.IPv6.parse("64:ff9b:1::"), 48], at: 12 },
  { name: "6to4", range: [ipaddr.IPv6.parse("2002::"), 16], at: 2 },
  { name: "Teredo", range: [ipaddr.IPv6.parse("2001::"), 32], at: 4 },
];

/** "127.0.0.1 (IPv4-compatible form)" for ::127.0.0.1, or null. :: and ::1 are themselves. */
function ipv4CarriedBy(address: ipaddr.IPv6): string | null {
  const text = address.toNormalizedString();
  if (text === "0:0:0:0:0:0:0:0" || text === "0:0:0:0:0:0:0:1") return null;
  const form = IPV4_CARRYING.find(({ range }) => address.match(range[0], range[1]));
  if (!form) return null;
  const bytes = address.toByteArray().slice(form.at, form.at + 4);
  return `${ipaddr.fromByteArray(bytes).toString()} (${form.name} form)`;
}

/**
 * Why this address must not be called, or null for a public unicast address. An IPv4-mapped
 * address is judged as the IPv4 address it is; every other IPv6 form that carries an IPv4 address
 * (compatible, translated, NAT64, 6to4, Teredo) is refused outright, whatever it carries: a
 * provider has no reason to be reached that way, and each could lead to the address it carries.
 */
export function addressRefusal(address: string, policy: Pick<EgressPolicy, "allowPrivate">): string | null {
  if (!ipaddr.isValid(address)) return `"${address}" is not an IP address`;
  let parsed = ipaddr.parse(address);
  // ::ffff:127.0.0.1 is 127.0.0.1.
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  const carried = parsed.kind() === "ipv6" ? ipv4CarriedBy(parsed as ipaddr.IPv6) : null;
  if (carried) return `${address} carries ${carried}`;
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
