// Issue 19, item 11: mass orders skipped the web-order limit (four mass orders placed 400 orders in
// 2 s). Each line now counts as an order against the limit the single-order forms share; a
// submission over it places nothing. The real server action, the real shared store (PostgreSQL);
// only the session cookie's decoding and the request's address are given.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb, getDb, type Db } from "@/lib/db/connection";
import { initialActionState, type ActionState } from "@/lib/actions/action-state";
import { WEB_ORDERS_PER_ACCOUNT_PER_MINUTE } from "@/lib/rate-limit/policies";
import { MASS_ORDER_MAX_LINES } from "@/lib/storefront/mass-order";
import { makeUser } from "@/lib/testing/fixtures";

vi.mock("@/lib/auth/token", () => ({ getToken: vi.fn() }));
vi.mock("@/lib/rate-limit/request-ip", () => ({ requestIp: vi.fn() }));
// Outside a Next request there is no page cache to mark stale.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
const { getToken } = await import("@/lib/auth/token");
const { requestIp } = await import("@/lib/rate-limit/request-ip");
const { placeMassOrderAction } = await import("@/components/orders/actions/mass-order-actions");

let db: Db;
beforeAll(async () => {
  db = await getDb();
});
afterAll(() => closeDb());

async function signedInCustomer(): Promise<number> {
  const customer = await makeUser(db, "customer");
  const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: customer.id }, select: { sessionVersion: true } });
  vi.mocked(getToken).mockResolvedValue({ uid: customer.id, sv: sessionVersion, since: Date.now(), seen: Date.now() });
  return customer.id;
}

/** A full mass order; the service does not exist, so each line is refused without calling out. */
function massOrder(n: number): FormData {
  const form = new FormData();
  form.set("orders", Array.from({ length: MASS_ORDER_MAX_LINES }, (_, i) => `999999999 | https://example.com/p/${n}/${i} | 100`).join("\n"));
  form.set("submissionId", `submission-${n}-${Date.now()}`);
  return form;
}

describe("mass orders and the web-order limit", () => {
  it("four full mass orders at once from one account: the limit stops them once their lines exceed it", async () => {
    await signedInCustomer();
    // A new address each time: the per-account limit alone must stop them.
    vi.mocked(requestIp).mockImplementation(async () => `203.0.113.${Math.floor(Math.random() * 250) + 1}`);
    const answers: ActionState[] = [];
    for (let n = 0; n < 4; n++) answers.push(await placeMassOrderAction(initialActionState, massOrder(n)));
    const refused = answers.filter((a) => /^Too many orders in a short time/.test(a.error ?? ""));
    const placedLines = answers.filter((a) => a.ok).length * MASS_ORDER_MAX_LINES;
    expect(placedLines).toBeLessThanOrEqual(WEB_ORDERS_PER_ACCOUNT_PER_MINUTE);
    expect(answers[0]).toMatchObject({ ok: true, message: `0 placed, ${MASS_ORDER_MAX_LINES} not placed.` });
    expect(refused.length).toBe(3);
  });

  it("they count against the per-address limit too, across accounts", async () => {
    vi.mocked(requestIp).mockResolvedValue("198.51.100.250");
    const answers: ActionState[] = [];
    for (let n = 0; n < 4; n++) {
      await signedInCustomer();
      answers.push(await placeMassOrderAction(initialActionState, massOrder(10 + n)));
    }
    expect(answers.map((a) => Boolean(a.ok))).toEqual([true, true, false, false]);
    expect(answers[2]!.error).toMatch(/^Too many orders in a short time/);
  });
});
