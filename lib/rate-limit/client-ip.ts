// The client's address for per-IP limits, the one function every caller uses (sign-in, sign-up,
// the current-password check, web orders, /api/v2). `npm start` (scripts/server.ts) decides the
// address from the socket and TRUSTED_PROXIES (lib/http/client-address.ts) and hands it on as the
// only X-Forwarded-For value, so reading that header here reads the decided address. Under
// `next dev` or a bare `next start` the header is the client's own when it sent one (see
// client-address.ts): per-IP limits are only as good as that, the per-account limits not affected.
type HeaderSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

export function clientIp(headers: HeaderSource | undefined | null): string {
  if (!headers) return "unknown";
  const read = (name: string): string | undefined => {
    if (typeof (headers as { get?: unknown }).get === "function") return (headers as { get(n: string): string | null }).get(name) ?? undefined;
    const value = (headers as Record<string, string | string[] | undefined>)[name];
    return Array.isArray(value) ? value.join(",") : value;
  };
  const ip = read("x-forwarded-for")?.split(",").map((part) => part.trim()).filter(Boolean).at(-1);
  return ip ? ip.slice(0, 64) : "unknown";
}
