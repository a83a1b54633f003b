// The security headers of every answer. Constant ones (frames, sniffing, referrer, permissions)
// are set for every path in next.config.mjs; the Content-Security-Policy carries a fresh nonce per
// page request and is set by proxy.ts, which also hands the nonce to Next.js (through the request's
// own CSP header) so that Next's inline scripts carry it. Pages are therefore rendered per
// request (app/layout.tsx reads the headers). Scripts run only with the nonce ('strict-dynamic'
// lets those load their chunks); styles allow inline style attributes, which React and the chart
// library write, as the lower risk. HSTS only when the panel is served over https.
export const HSTS = "max-age=63072000; includeSubDomains";

/** 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function pageCsp(nonce: string, { development = false, https = false } = {}): string {
  return [
    "default-src 'self'",
    // React's development build evaluates code; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** JSON and downloads never need to run or embed anything. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** Served over https: the public URL says so, or the proxy in front of us does. */
export function servedOverHttps(publicUrl: string | undefined, forwardedProto: string | null): boolean {
  return Boolean(publicUrl?.trim().toLowerCase().startsWith("https://")) || forwardedProto?.split(",")[0]?.trim() === "https";
}

/** This request reached the panel over https (NEXTAUTH_URL says so, or the proxy in front of us): HSTS then. */
export function requestServedOverHttps(headers: Headers): boolean {
  return servedOverHttps(process.env.NEXTAUTH_URL, headers.get("x-forwarded-proto"));
}
