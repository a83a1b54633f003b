// Next 16's middleware, for every request but static files and /api/v2 (see `config`):
//   - security headers that vary per request: the page CSP with a fresh script nonce (handed to
//     Next.js through the request's CSP header, so its own inline scripts carry it), a strict CSP
//     for /api, HSTS behind https (constant headers are in next.config.mjs; lib/http/security-headers);
//   - a trailing slash: `/api/v2/` is answered like `/api/v2` (PHP clients do not follow a
//     redirect of a POST); every other path is redirected (308) to itself without it, as Next
//     does by default (skipTrailingSlashRedirect in next.config.mjs hands that job to us);
//   - a page opened with ?ref=<code> goes through the referral link /r/<code> (app/r/[code]), which
//     counts the visit, sets the cookie and comes back to the page without the parameter;
//   - for the signed-in area: redirects signed-out or idle visitors to sign-in and keeps the
//     session's idle clock running. Authorization is checked again inside every page, action and
//     route handler (lib/auth/session re-reads the account and the same idle rule).
import { NextResponse, type NextRequest } from "next/server";
import { encode, getToken } from "next-auth/jwt";
import { secureCookiesWanted, sessionCookieName } from "@/lib/auth/cookies";
import { authSecret } from "@/lib/auth/secret";
import { MAX_SESSION_SECONDS, SEEN_REFRESH_MS, sessionExpiry } from "@/lib/auth/session-lifetime";
import { API_CSP, HSTS, newNonce, pageCsp, requestServedOverHttps } from "@/lib/http/security-headers";

const SIGNED_IN_AREA = /^\/(dashboard|admin|orders|new-order|products|funds|api-keys|services|account|tickets|affiliates)(\/|$)/;

/** The reseller API with a trailing slash: served, never redirected. */
const API_V2_WITH_SLASH = /^\/api\/v2\/$/;

export async function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname;
  // Read from the raw URL: with skipTrailingSlashRedirect, nextUrl may keep the slash on a rewrite.
  const raw = new URL(request.url);
  if (raw.pathname.length > 1 && raw.pathname.endsWith("/") && !API_V2_WITH_SLASH.test(raw.pathname)) {
    return NextResponse.redirect(new URL(`${raw.pathname.replace(/\/+$/, "") || "/"}${raw.search}`, raw), 308);
  }
  const ref = raw.searchParams.get("ref");
  if (ref && !path.startsWith("/api/") && !path.startsWith("/r/")) {
    const back = new URL(raw);
    back.searchParams.delete("ref");
    const link = new URL(`/r/${encodeURIComponent(ref)}`, raw);
    link.searchParams.set("to", `${back.pathname}${back.search}`);
    return NextResponse.redirect(link, 307);
  }
  const https = requestServedOverHttps(request.headers);
  const isApi = path.startsWith("/api/");
  const nonce = isApi ? "" : newNonce();
  const csp = isApi ? API_CSP : pageCsp(nonce, { development: process.env.NODE_ENV !== "production", https });
  const finish = (response: NextResponse) => {
    response.headers.set("Content-Security-Policy", csp);
    if (https) response.headers.set("Strict-Transport-Security", HSTS);
    return response;
  };

  let refreshedCookie: string | null = null;
  const secure = secureCookiesWanted();
  if (SIGNED_IN_AREA.test(path)) {
    const token = await getToken({ req: request, secret: authSecret(), secureCookie: secure });
    const now = Date.now();
    if (!token || sessionExpiry(token, now)) {
      const url = request.nextUrl.clone();
      url.pathname = "/sign-in";
      url.search = "";
      const response = NextResponse.redirect(url);
      if (token) response.cookies.delete(sessionCookieName(secure));
      return finish(response);
    }
    // Not on a POST: a server action may write the session cookie itself (a password change
    // carries the session to a new version), and a refresh of the old token must not race it.
    if (request.method === "GET" && now - (token.seen ?? 0) > SEEN_REFRESH_MS) {
      refreshedCookie = await encode({ token: { ...token, seen: now }, secret: authSecret(), maxAge: MAX_SESSION_SECONDS });
    }
  }

  const requestHeaders = new Headers(request.headers);
  if (!isApi) {
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("Content-Security-Policy", csp);
  }
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  if (refreshedCookie) {
    response.cookies.set(sessionCookieName(secure), refreshedCookie, { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge: MAX_SESSION_SECONDS });
  }
  return finish(response);
}

// Not /api/v2 (the reseller API: one key per request, no session, its CSP and HSTS set by
// lib/api-v2/handle-request.ts) nor the bench's bare route: both are hot paths this would slow.
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt|api/v2$|api/bench-baseline$).*)"],
};
