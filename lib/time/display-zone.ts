import "server-only";
// Which zone a signed-in page shows times in: the one saved on the account (the account page's
// setting), else the browser's zone from the `tz` cookie, else UTC (the first page of a first
// visit, until the cookie is set). Chosen on the server so that the server-rendered HTML already
// shows local times and hydration never disagrees with it.
import { cookies } from "next/headers";
import { isTimeZone, UTC } from "./format";
import { TZ_COOKIE } from "./zone-cookie";

export async function displayZone(saved: string | null): Promise<{ zone: string; saved: boolean }> {
  if (saved && isTimeZone(saved)) return { zone: saved, saved: true };
  const cookie = (await cookies()).get(TZ_COOKIE)?.value;
  return { zone: cookie && isTimeZone(cookie) ? cookie : UTC, saved: false };
}

/** The zone and this request's moment, which the page's relative times ("3 min ago") are counted from. */
export async function requestClock(saved: string | null): Promise<{ zone: string; saved: boolean; now: number }> {
  return { ...(await displayZone(saved)), now: Date.now() };
}
