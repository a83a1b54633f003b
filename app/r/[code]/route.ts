// A referral link: /r/<code> (or any page with ?ref=<code>, which proxy.ts sends here). Counts the
// visit, keeps the code in the `ref` cookie for AFFILIATE_COOKIE_DAYS so that a sign-up within them
// is referred (components/auth/actions/sign-up-action.ts), gives the browser a device id if it has
// none, and sends the visitor on: to `to` (a path on this site) or to the sign-up page.
import { NextResponse, type NextRequest } from "next/server";
import { recordVisit } from "@/lib/affiliates/record-referral";
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE, newDeviceId, REFERRAL_COOKIE, referralCodeOf, referralCookieMaxAge } from "@/lib/affiliates/referral-cookie";
import { secureCookiesWanted } from "@/lib/auth/cookies";
import { getDb } from "@/lib/db/client";

export async function GET(request: NextRequest, { params }: { params: Promise<{ code: string }> }) {
  const to = request.nextUrl.searchParams.get("to");
  // Only a path of this site: never an open redirect.
  const next = to && /^\/(?![/\\])/.test(to) ? to : "/sign-up";
  const response = NextResponse.redirect(new URL(next, request.url), 303);
  const code = referralCodeOf((await params).code);
  if (!code) return response;
  const affiliateId = await recordVisit(await getDb(), code);
  if (affiliateId === null) return response;
  const secure = secureCookiesWanted();
  response.cookies.set(REFERRAL_COOKIE, code, { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge: referralCookieMaxAge() });
  if (!request.cookies.get(DEVICE_COOKIE)) {
    response.cookies.set(DEVICE_COOKIE, newDeviceId(), { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge: DEVICE_COOKIE_MAX_AGE });
  }
  return response;
}
