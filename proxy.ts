// Next 16's middleware: redirects signed-out (or idle) visitors to sign-in and keeps the session's
// idle clock running on page requests. Authorization is checked again inside every page, action
// and route handler (lib/auth/session re-reads the account and the same idle rule).
import { NextResponse, type NextRequest } from "next/server";
import { encode, getToken } from "next-auth/jwt";
import { secureCookiesWanted, sessionCookieName } from "@/lib/auth/cookies";
import { authSecret } from "@/lib/auth/secret";
import { MAX_SESSION_SECONDS, SEEN_REFRESH_MS, sessionExpiry } from "@/lib/auth/session-lifetime";

export async function proxy(request: NextRequest) {
  const secure = secureCookiesWanted();
  const token = await getToken({ req: request, secret: authSecret(), secureCookie: secure });
  const now = Date.now();
  if (!token || sessionExpiry(token, now)) {
    const url = request.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = "";
    const response = NextResponse.redirect(url);
    if (token) response.cookies.delete(sessionCookieName(secure));
    return response;
  }
  const response = NextResponse.next();
  if (now - (token.seen ?? 0) > SEEN_REFRESH_MS) {
    const value = await encode({ token: { ...token, seen: now }, secret: authSecret(), maxAge: MAX_SESSION_SECONDS });
    response.cookies.set(sessionCookieName(secure), value, { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge: MAX_SESSION_SECONDS });
  }
  return response;
}

export const config = { matcher: ["/dashboard/:path*", "/admin/:path*", "/orders/:path*", "/new-order/:path*", "/products/:path*", "/funds/:path*", "/api-keys/:path*", "/services/:path*", "/account/:path*"] };
