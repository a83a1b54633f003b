"use server";
import { cookies } from "next/headers";
import { publicAction, refusalState } from "@/lib/actions/action-client";
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE, newDeviceId, REFERRAL_COOKIE, referralCodeOf } from "@/lib/affiliates/referral-cookie";
import { secureCookiesWanted } from "@/lib/auth/cookies";
import { getDb } from "@/lib/db/client";
import { requestIp } from "@/lib/rate-limit/request-ip";
import { signUp } from "@/lib/users/sign-up";
import { ZSignUpInput } from "@/lib/users/schemas";

export const signUpAction = publicAction(ZSignUpInput, async (input) => {
  const jar = await cookies();
  // The referral link's cookie (app/r/[code]) and the browser's device id (set by the link, or by
  // here for visitors who came another way) go to the self-referral checks.
  let device = jar.get(DEVICE_COOKIE)?.value?.slice(0, 100) ?? null;
  if (!device) {
    device = newDeviceId();
    jar.set(DEVICE_COOKIE, device, { httpOnly: true, sameSite: "lax", path: "/", secure: secureCookiesWanted(), maxAge: DEVICE_COOKIE_MAX_AGE });
  }
  const result = await signUp(await getDb(), input, {
    ip: await requestIp(),
    device,
    referralCode: referralCodeOf(jar.get(REFERRAL_COOKIE)?.value),
  });
  if (!result.ok) return refusalState(result);
  // Referred once: the cookie has done its work.
  jar.delete(REFERRAL_COOKIE);
  return { ok: true, data: { email: input.email } };
});
