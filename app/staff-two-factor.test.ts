// Issue 19, item 9: with ADMIN_TWO_FACTOR=required, an admin who has not set up two-factor
// sign-in is refused by every staff route handler and every staff server action, as by the staff
// pages (one rule: staffRefusal in lib/auth/session.ts). Routes and actions are found on disk, so a
// new one is covered (or must be named below with the reason it is not a staff one). Only the
// session cookie's decoding is replaced (getToken); the account is re-read from PostgreSQL.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { JWT } from "next-auth/jwt";
import { closeDb, getDb, type Db } from "@/lib/db/connection";
import { initialActionState, type ActionState } from "@/lib/actions/action-state";
import { makeUser } from "@/lib/testing/fixtures";

vi.mock("@/lib/auth/token", () => ({ getToken: vi.fn() }));
const { getToken } = await import("@/lib/auth/token");

const TWO_FACTOR_FIRST = "Set up two-factor sign-in on your account page first.";
const NOT_ALLOWED = "You are not allowed to do this.";

/** Route handlers that are not staff ones, and why a staff rule does not apply to them. */
const NOT_STAFF_ROUTES: Record<string, string> = {
  "app/api/v2/route.ts": "the reseller API: an API key on every request, never a session",
  "app/api/auth/[...nextauth]/route.ts": "signing in and out",
  "app/api/payments/stripe/webhook/route.ts": "a gateway's webhook: its signature, never a session",
  "app/api/payments/cryptomus/webhook/route.ts": "a gateway's webhook: its signature, never a session",
  "app/api/bench-baseline/route.ts": "the benchmark's bare route, 404 unless BENCH_BASELINE_ROUTE=1; no session",
  // The customer area: the caller's own data, as on the customer pages, which an admin may use.
  "app/api/panel/orders/route.ts": "the caller's own orders",
  "app/api/panel/orders/[id]/route.ts": "the caller's own order",
  "app/api/panel/orders/[id]/results/route.ts": "the caller's own order's results",
  "app/api/panel/services/route.ts": "the catalog as the caller may buy it",
  "app/api/panel/services/[id]/route.ts": "one service as the caller may buy it",
  "app/api/payments/status/[id]/route.ts": "the caller's own payment",
};

function filesUnder(dir: string, keep: (file: string) => boolean): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : filesUnder(full, keep);
    return keep(full) ? [full] : [];
  });
}

const routeFiles = [...filesUnder("app/(admin)", (f) => f.endsWith("/route.ts")), ...filesUnder("app/api", (f) => f.endsWith("/route.ts"))].sort();
const staffRoutes = routeFiles.filter((file) => !(file in NOT_STAFF_ROUTES));
const actionFiles = [...filesUnder("components", (f) => f.endsWith(".ts")), ...filesUnder("app", (f) => /\.tsx?$/.test(f) && !f.endsWith(".test.ts"))]
  .filter((file) => /^["']use server["']/m.test(fs.readFileSync(file, "utf8")))
  .sort();

let db: Db;
let adminWithout: JWT;
let adminWith: JWT;
let customer: JWT;

async function tokenOf(userId: number): Promise<JWT> {
  const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } });
  return { uid: userId, sv: sessionVersion, since: Date.now(), seen: Date.now() };
}
const signedInAs = (token: JWT) => vi.mocked(getToken).mockResolvedValue(token);

beforeAll(async () => {
  db = await getDb();
  const [a, b, c] = await Promise.all([makeUser(db, "admin"), makeUser(db, "admin"), makeUser(db, "customer")]);
  await db.user.update({ where: { id: b.id }, data: { totpEnabledAt: new Date() } });
  [adminWithout, adminWith, customer] = await Promise.all([tokenOf(a.id), tokenOf(b.id), tokenOf(c.id)]);
  vi.stubEnv("ADMIN_TWO_FACTOR", "required");
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await closeDb();
});

type RouteModule = Partial<Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE", (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>>>;

async function callRoute(file: string, method: keyof RouteModule): Promise<Response> {
  const route = (await import(/* @vite-ignore */ path.resolve(file))) as RouteModule;
  const urlPath = file.replace(/^app/, "").replace(/\/\([^)]+\)/g, "").replace(/\/route\.ts$/, "");
  const request = new Request(`http://panel.test${urlPath}?group=customer`, { method });
  return route[method]!(request, { params: Promise.resolve({}) });
}

describe("staff route handlers", () => {
  it("every route is either a staff route or named as something else, and the staff ones exist", () => {
    expect(routeFiles.filter((file) => !file.startsWith("app/(admin)") && !(file in NOT_STAFF_ROUTES))).toEqual([]);
    expect(Object.keys(NOT_STAFF_ROUTES).filter((file) => !routeFiles.includes(file))).toEqual([]);
    expect(staffRoutes).toContain("app/(admin)/admin/reports/export/route.ts");
  });

  it("each refuses an admin without two-factor (403), and lets one with it in", async () => {
    for (const file of staffRoutes) {
      const route = (await import(/* @vite-ignore */ path.resolve(file))) as RouteModule;
      const methods = (["GET", "POST", "PUT", "PATCH", "DELETE"] as const).filter((m) => typeof route[m] === "function");
      expect(methods.length, file).toBeGreaterThan(0);
      for (const method of methods) {
        signedInAs(adminWithout);
        const refused = await callRoute(file, method);
        expect([refused.status, await refused.json()], `${method} ${file}`).toEqual([403, { error: TWO_FACTOR_FIRST }]);
        signedInAs(customer);
        expect((await callRoute(file, method)).status, `${method} ${file} as a customer`).toBe(403);
      }
    }
    // Control: the same request from an admin with two-factor set up is answered.
    signedInAs(adminWith);
    const allowed = await callRoute("app/(admin)/admin/reports/export/route.ts", "GET");
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("content-type")).toContain("text/csv");
  });
});

describe("staff server actions", () => {
  type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

  it("each refuses an admin without two-factor before reading the form", async () => {
    const staffActions: string[] = [];
    for (const file of actionFiles) {
      const exports = (await import(/* @vite-ignore */ path.resolve(file))) as Record<string, unknown>;
      for (const [name, action] of Object.entries(exports)) {
        if (typeof action !== "function") continue;
        // A staff action is one that refuses a customer.
        signedInAs(customer);
        const asCustomer = await (action as Action)(initialActionState, new FormData());
        if (asCustomer.error !== NOT_ALLOWED) continue;
        staffActions.push(name);
        signedInAs(adminWithout);
        expect((await (action as Action)(initialActionState, new FormData())).error, `${name} (${file})`).toBe(TWO_FACTOR_FIRST);
      }
    }
    // The enumeration found the staff actions (every admin form), not an empty list.
    expect(staffActions).toEqual(expect.arrayContaining(["creditFundsAction", "deductFundsAction", "addProviderAction", "reviewPaymentAction", "priceRuleAction", "refundOrderAction", "setUserRoleAction"]));
    expect(staffActions.length).toBeGreaterThanOrEqual(20);
  });
});
