// Next 16's middleware: only redirects signed-out visitors to sign-in. Authorization is checked
// again inside every page, action and route handler.
import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { authSecret } from "@/lib/auth/secret";

export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request, secret: authSecret() });
  if (!token) {
    const url = request.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = "";
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
}

export const config = { matcher: ["/dashboard/:path*", "/admin/:path*", "/orders/:path*", "/new-order/:path*", "/products/:path*", "/funds/:path*", "/api-keys/:path*", "/services/:path*", "/account/:path*"] };
