// Issue 12, finding 10: behind https (NEXTAUTH_URL https://…) the session cookie is Secure and
// __Secure- prefixed, and next-auth and our token readers agree on its name.
import { afterEach, describe, expect, it } from "vitest";
import { secureCookiesWanted, sessionCookieName } from "./cookies";
import { authOptions } from "./options";

const saved = process.env.NEXTAUTH_URL;
afterEach(() => {
  process.env.NEXTAUTH_URL = saved;
});

describe("session cookie", () => {
  it("is Secure with the __Secure- prefix behind https, plain on http", () => {
    process.env.NEXTAUTH_URL = "https://panel.example";
    expect(authOptions.useSecureCookies).toBe(true);
    expect(sessionCookieName()).toBe("__Secure-next-auth.session-token");
    process.env.NEXTAUTH_URL = "http://127.0.0.1:3000";
    expect(authOptions.useSecureCookies).toBe(false);
    expect(sessionCookieName()).toBe("next-auth.session-token");
    expect(secureCookiesWanted({ NEXTAUTH_URL: " HTTPS://panel.example " })).toBe(true);
  });
});
