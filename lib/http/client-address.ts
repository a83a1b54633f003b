// Who sent a request, for per-IP limits. X-Forwarded-For is written by whoever sends the request,
// so it is believed only when the connection comes from a proxy the operator named in
// TRUSTED_PROXIES (addresses or CIDR ranges; none by default): then the header is read from the
// right, skipping further trusted proxies, and the first other address is the client. Otherwise
// the client is the socket's own address. `npm start` (scripts/server.ts) applies this rule to
// every request before Next sees it and passes the answer on as the only X-Forwarded-For value;
// `clientIp` (lib/rate-limit/client-ip.ts) reads it there. `next start` alone cannot do this: it
// keeps a client's own X-Forwarded-For and fills in the socket address only when there is none
// (next/dist/server/base-server.js), and exposes no socket address to the app.
import ipaddr from "ipaddr.js";

type Address = ipaddr.IPv4 | ipaddr.IPv6;
export type TrustedProxies = readonly (readonly [Address, number])[];

/** ::ffff:10.0.0.1 (how a dual-stack socket reports an IPv4 peer) is 10.0.0.1. */
function normalized(address: Address): Address {
  return address.kind() === "ipv6" && (address as ipaddr.IPv6).isIPv4MappedAddress() ? (address as ipaddr.IPv6).toIPv4Address() : address;
}

/** An X-Forwarded-For entry or socket address: "1.2.3.4", "1.2.3.4:5678", "::1", "[::1]:80". */
function parseHop(text: string | undefined): Address | null {
  const trimmed = text?.trim() ?? "";
  const bare = /^\[([^\]]+)\](?::\d+)?$/.exec(trimmed)?.[1] ?? /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(trimmed)?.[1] ?? trimmed;
  // isValid accepts shorthand IPv4 such as "127.1"; only the four-part form and IPv6 are addresses here.
  if (ipaddr.IPv4.isValidFourPartDecimal(bare)) return ipaddr.IPv4.parse(bare);
  if (ipaddr.IPv6.isValid(bare)) return normalized(ipaddr.IPv6.parse(bare));
  return null;
}

/** "10.0.0.0/8", "fd00::/8"; "::ffff:10.0.0.0/104" is the IPv4 range 10.0.0.0/8. */
function parseRange(text: string): readonly [Address, number] | null {
  if (!ipaddr.isValidCIDR(text)) return null;
  const [address, bits] = ipaddr.parseCIDR(text);
  const plain = normalized(address);
  if (plain.kind() === address.kind()) return [address, bits];
  return bits >= 96 ? [plain, bits - 96] : null;
}

/** TRUSTED_PROXIES: comma-separated addresses or CIDR ranges; throws naming a wrong entry. */
export function parseTrustedProxies(text: string): TrustedProxies {
  return text
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      if (entry.includes("/")) {
        const range = parseRange(entry);
        if (!range) throw new Error(`"${entry}" is not an address range`);
        return range;
      }
      const address = parseHop(entry);
      if (!address) throw new Error(`"${entry}" is not an IP address`);
      return [address, address.kind() === "ipv4" ? 32 : 128] as const;
    });
}

function isTrusted(address: Address, trusted: TrustedProxies): boolean {
  return trusted.some(([range, bits]) => range.kind() === address.kind() && address.match(range, bits));
}

/**
 * The client's address for a connection from `socketAddress` that carried `forwardedFor`
 * (all X-Forwarded-For headers joined with commas). "unknown" only when the socket has none.
 */
export function resolveClientAddress(socketAddress: string | undefined, forwardedFor: string | undefined, trusted: TrustedProxies): string {
  let current = parseHop(socketAddress);
  if (!current) return "unknown";
  if (!isTrusted(current, trusted)) return current.toString();
  const hops = (forwardedFor ?? "").split(",").map((hop) => hop.trim()).filter(Boolean).reverse();
  for (const text of hops) {
    const hop = parseHop(text);
    // Garbage from beyond a trusted proxy: that proxy is the last address known for certain.
    if (!hop) return current.toString();
    current = hop;
    if (!isTrusted(current, trusted)) return current.toString();
  }
  return current.toString();
}
