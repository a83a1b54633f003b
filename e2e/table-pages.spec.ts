// Every page that draws a data table (components/ui/data-table.tsx) or an order state badge, for a
// customer and for an admin, with rows in its tables: axe finds nothing serious or critical, the
// page never scrolls sideways at 390 px (tables scroll inside their own box), and a screenshot is
// taken at 1280 and 390 px. Its own customer, orders (pending, in progress, completed) and API key, seeded here.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { createApiKey } from "../lib/api-keys/create-api-key";
import { closeDb, getDb } from "../lib/db/connection";
import type { OrderState } from "../lib/db/generated/enums";
import { seedAccounts } from "../lib/demo/seed-accounts";
import { creditFunds } from "../lib/ledger/credit-funds";
import { createChargedOrder, settleTestOrder } from "../lib/testing/fixtures";
import { E2E_ACCOUNTS } from "./accounts";
import { screenshot, signIn } from "./helpers";

const { admin } = E2E_ACCOUNTS;
const buyer = { email: "tables-e2e-buyer@panel.test", password: "buyer-pass-12345", role: "customer" as const };
const seeded = { buyerId: 0, orderIds: [] as number[] };


test.beforeAll(async () => {
  const db = await getDb();
  await seedAccounts(db, [buyer]);
  const user = await db.user.findUniqueOrThrow({ where: { email: buyer.email } });
  seeded.buyerId = user.id;
  const credited = await creditFunds(db, { customerId: user.id, amount: "50", reason: "tables spec" });
  if (!credited.ok) throw new Error(credited.message);
  const provider = await db.provider.create({ data: { name: `Tables offline provider ${Date.now().toString(36)}`, apiUrl: "http://127.0.0.1:9/api/v2", apiKeyEncrypted: "none", enabled: false } });
  // Orders in three states (charged orders start as pending): two followed upstream, one final.
  const paths: Extract<OrderState, "in_progress" | "completed" | "canceled">[][] = [[], ["in_progress"], ["completed"]];
  for (const [i, path] of paths.entries()) {
    const id = await createChargedOrder(db, user.id, { charge: `${i + 2}`, quantity: 1000, providerId: provider.id, upstreamOrderId: `tables-${i}-${Date.now().toString(36)}` });
    // Moved as the worker moves orders: the database refuses a change of state that names no actor.
    for (const state of path) await settleTestOrder(db, id, state);
    seeded.orderIds.push(id);
  }
  const key = await createApiKey(db, user.id, `Tables spec key ${Date.now().toString(36)}`);
  if (!key.ok) throw new Error("api key not created");
  await closeDb();
});

/** Soft checks: one run reports every page that is wrong, not only the first. */
async function looks(page: Page, name: string) {
  // Next streams the page's <title> in after the body: axe must not run before it is there.
  await expect(page).toHaveTitle(/\S/);
  const axe = await new AxeBuilder({ page }).analyze();
  const bad = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect.soft(bad.map((v) => `${name} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  await screenshot(page, `tables-${name}-1280`);
  await page.setViewportSize({ width: 390, height: 844 });
  expect.soft(await page.evaluate(() => document.documentElement.scrollWidth), `${name} at 390 px`).toBeLessThanOrEqual(390);
  await screenshot(page, `tables-${name}-390`);
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("customer pages with tables and state badges", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, buyer.email, buyer.password);
  const [pendingId, liveId, doneId] = seeded.orderIds;
  await page.goto("/orders");
  await expect(page.getByTestId(`order-row-${pendingId}`).getByTestId("order-state")).toHaveText("Pending");
  await expect(page.getByTestId(`order-row-${liveId}`).getByTestId("order-state")).toHaveText("In progress");
  await expect(page.getByTestId(`order-row-${doneId}`).getByTestId("order-state")).toHaveText("Completed");
  await expect(page.getByRole("columnheader", { name: "Net" })).toBeVisible();
  await looks(page, "orders");
  await page.goto(`/orders/${doneId}`);
  await expect(page.getByTestId("order-status")).toHaveText("Completed");
  await looks(page, "order-detail");
  await page.goto("/funds");
  await expect(page.getByTestId("ledger-row").first()).toBeVisible();
  await looks(page, "funds");
  await page.goto("/api-keys");
  await expect(page.getByTestId("api-key-row")).toContainText("Tables spec key");
  await looks(page, "api-keys");
  await page.goto("/dashboard");
  await looks(page, "dashboard");
});

test("admin pages with tables and state badges", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, admin.email, admin.password);
  const [pendingId, liveId, doneId] = seeded.orderIds;
  await page.goto(`/admin/orders?email=${encodeURIComponent(buyer.email)}`);
  // Staff read the state's own name, coloured by the same phases as the customer's badge.
  await expect(page.getByTestId(`order-row-${pendingId}`).getByTestId("order-state")).toHaveText("pending");
  await expect(page.getByTestId(`order-row-${liveId}`).getByTestId("order-state")).toHaveText("in progress");
  await expect(page.getByTestId(`order-row-${doneId}`).getByTestId("order-state")).toHaveText("completed");
  await looks(page, "admin-orders");
  await page.goto(`/admin/orders?view=resolve`);
  await looks(page, "admin-orders-resolve");
  await page.goto(`/admin/users?q=${encodeURIComponent(buyer.email)}`);
  await expect(page.getByTestId(`user-row-${buyer.email}`)).toBeVisible();
  await looks(page, "admin-users");
  await page.goto(`/admin/users/${seeded.buyerId}`);
  await expect(page.getByTestId("ledger").locator("tbody tr").first()).toBeVisible();
  await looks(page, "admin-user-detail");
});

test("admin list pages", async ({ page }) => {
  test.setTimeout(180_000); // axe over a 60-service price table takes a while on a loaded machine
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, admin.email, admin.password);
  for (const path of ["payments", "payments/review", "catalog-changes", "reports", "services", "products", "pricing", "audit"]) {
    await page.goto(`/admin/${path}`);
    await looks(page, `admin-${path.replace("/", "-")}`);
  }
});
