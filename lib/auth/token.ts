import "server-only";
import { cookies, headers } from "next/headers";
import { getToken as readJwt, type JWT } from "next-auth/jwt";
import { secureCookiesWanted } from "./cookies";
import { authSecret } from "./secret";

/** The decoded session JWT of the current request (server components and actions). */
export async function getToken(): Promise<JWT | null> {
  const cookieStore = await cookies();
  const headerStore = await headers();
  const req = {
    headers: Object.fromEntries(headerStore.entries()),
    cookies: Object.fromEntries(cookieStore.getAll().map((c) => [c.name, c.value])),
  };
  return readJwt({ req: req as never, secret: authSecret(), secureCookie: secureCookiesWanted() });
}
