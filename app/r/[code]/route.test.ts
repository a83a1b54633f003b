// The referral link on real PostgreSQL: a known code counts a visit, sets the `ref` cookie for
// AFFILIATE_COOKIE_DAYS and a device id, and sends the visitor to sign-up or to a path of this site
// (never elsewhere); an unknown code sets nothing.
import { NextRequest } from "next/server";
import { afterAll, describe, expect, it, vi } from "vitest";
import { closeDb, getDb } from "@/lib/db/connection";
import { makeUser } from "@/lib/testing/fixtures";
import { GET } from "./route";

afterAll(async () => {
  vi.unstubAllEnvs();
  await closeDb();
});

const visit = (code: string, query = "", cookie = "") =>
  GET(new NextRequest(`http://panel.test/r/${code}${query}`, { headers: cookie ? { cookie } : {} }), { params: Promise.resolve({ code }) });

describe("/r/<code>", () => {
  it("counts the visit, keeps the code for the configured days and sends the visitor on", async () => {
    vi.stubEnv("AFFILIATE_COOKIE_DAYS", "7");
    const db = await getDb();
    const affiliate = await makeUser(db, "customer");
    const { referralCode } = await db.user.findUniqueOrThrow({ where: { id: affiliate.id } });
    const response = await visit(referralCode);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("http://panel.test/sign-up");
    const cookies = response.headers.getSetCookie().join("\n");
    expect(cookies).toMatch(new RegExp(`ref=${referralCode};.*Max-Age=${7 * 86400}`));
    expect(cookies).toMatch(/device=[0-9a-f-]{36};/);
    expect(await db.affiliateVisit.count({ where: { affiliateId: affiliate.id } })).toBe(1);

    // A browser with a device id keeps it; ?to= stays on this site.
    const again = await visit(referralCode, "?to=/services?x=1", "device=abc");
    expect(again.headers.get("location")).toBe("http://panel.test/services?x=1");
    expect(again.headers.getSetCookie().join("\n")).not.toMatch(/device=/);
    for (const elsewhere of ["//evil.test/x", "https://evil.test/", "/\\evil.test"]) {
      expect((await visit(referralCode, `?to=${encodeURIComponent(elsewhere)}`)).headers.get("location")).toBe("http://panel.test/sign-up");
    }
    expect(await db.affiliateVisit.count({ where: { affiliateId: affiliate.id } })).toBe(5);
  });

  it("an unknown or malformed code sets no cookie and counts nothing", async () => {
    for (const code of ["0000000000", "NOT A CODE", "x"]) {
      const response = await visit(encodeURIComponent(code));
      expect(response.headers.get("location")).toBe("http://panel.test/sign-up");
      expect(response.headers.getSetCookie()).toEqual([]);
    }
  });
});
