// The client's address for per-IP limits. `next start` puts the socket's address in
// X-Forwarded-For when the request has none; behind a reverse proxy, the proxy must set or append
// it (nginx: proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for), and the right-most
// entry is the one our own proxy saw. Without a proxy a client can write the header itself; the
// per-account limits do not depend on it.
type HeaderSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

export function clientIp(headers: HeaderSource | undefined | null): string {
  if (!headers) return "unknown";
  const read = (name: string): string | undefined => {
    if (typeof (headers as { get?: unknown }).get === "function") return (headers as { get(n: string): string | null }).get(name) ?? undefined;
    const value = (headers as Record<string, string | string[] | undefined>)[name];
    return Array.isArray(value) ? value.join(",") : value;
  };
  const forwarded = read("x-forwarded-for")?.split(",").map((part) => part.trim()).filter(Boolean);
  const ip = forwarded?.at(-1) ?? read("x-real-ip")?.trim();
  return ip ? ip.slice(0, 64) : "unknown";
}
