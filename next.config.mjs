// @ts-check
// Plain JavaScript on purpose: `next start` compiles a next.config.ts with SWC at every start, which
// loads SWC's native module into the web process for its whole life (about 25 MB resident, more
// after start; bench/memory.ts). This file needs no compiling.

// Sent with every answer, static files included. The Content-Security-Policy carries a fresh
// nonce per page request and is added by proxy.ts (lib/http/security-headers.ts), as is HSTS
// behind https.
const STATIC_SECURITY_HEADERS = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import("next").NextConfig} */
const nextConfig = {
  // PGlite loads its own files at run time; Turbopack's bundling breaks that (see ENVIRONMENT.md).
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "@prisma/schema-engine-wasm"],
  poweredByHeader: false,
  // Next would answer `POST /api/v2/` with a 308 to `/api/v2`, which PHP's curl (and the PHP
  // client smm-api-php, on purpose) does not follow. proxy.ts redirects every other path with a
  // trailing slash instead, and lets `/api/v2/` through to the API.
  skipTrailingSlashRedirect: true,
  async headers() {
    return [{ source: "/:path*", headers: STATIC_SECURITY_HEADERS }];
  },
};

export default nextConfig;
