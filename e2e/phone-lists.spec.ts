// Every list page a customer or staff member uses, at 1280 and 390 px: the first row's state, its
// money and its primary action are on screen without scrolling sideways (their boxes lie inside
// the viewport), the page never scrolls sideways, axe finds nothing serious, and screenshots are
// taken (test-results/screens/lists-*). Also: the header shows the balance with Add funds at
// both widths, and times follow the zone saved on the account. Seeds its own customer here.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { createApiKey } from "../lib/api-keys/create-api-key";
import { closeDb, getDb } from "../lib/db/connection";
import { seedAccounts } from "../lib/demo/seed-accounts";
import { creditFunds } from "../lib/ledger/credit-funds";
import { createChargedOrder } from "../lib/testing/fixtures";
import { E2E_ACCOUNTS } from "./accounts";
import { screenshot, signIn } from "./helpers";

const { admin } = E2E_ACCOUNTS;
const buyer = { email: "lists-e2e-buyer@panel.test", password: "buyer-pass-12345", role: "customer" as const };
const seeded = { buyerId: 0, orderId: 0 };

test.beforeAll(async () => {
  const db = await getDb();
  await seedAccounts(db, [buyer]);
  const user = await db.user.findUniqueOrThrow({ where: { email: buyer.email } });
  seeded.buyerId = user.id;
  const credited = await creditFunds(db, { customerId: user.id, amount: "40.123456", reason: "lists spec" });
  if (!credited.ok) throw new Error(credited.message);
  // A pending order of a service that allows cancelling: its row has a Cancel button.
  const service = await db.service.findFirstOrThrow({ where: { cancel: true, enabled: true }, orderBy: { id: "asc" } });
  seeded.orderId = await createChargedOrder(db, user.id, { charge: "2.5", quantity: 1000, providerId: service.providerId });
  await db.order.update({ where: { id: seeded.orderId }, data: { serviceId: service.id } });
  const key = await createApiKey(db, user.id, `Lists spec key ${Date.now().toString(36)}`);
  if (!key.ok) throw new Error("api key not created");
  // A waiting manual transfer (no money moves until it is approved). createPayment is server-only
  // and cannot load in Playwright's process; the row is what it writes for a manual method.
  const method = await db.paymentMethod.create({
    data: { gateway: "manual", name: `Lists bank ${Date.now().toString(36)}`, enabled: true, currency: "USD", minAmount: "1", maxAmount: "1000", instructions: "Transfer to IBAN X" },
  });
  await db.payment.create({
    data: { userId: user.id, methodId: method.id, gateway: "manual", amount: "25", payAmount: "25", currency: "USD", creditAmount: "25", reference: "lists-spec" },
  });
  await closeDb();
});

/** The first row's state/money cells (card "primary") and its action, each fully inside the viewport. */
async function firstRowOnScreen(page: Page, row: Locator, name: string, { action }: { action: boolean }) {
  const width = page.viewportSize()!.width;
  const inside = async (target: Locator, what: string) => {
    await expect(target, `${name}: ${what}`).toBeVisible();
    const box = (await target.boundingBox())!;
    expect.soft(box.x, `${name}: ${what} starts on screen at ${width} px`).toBeGreaterThanOrEqual(0);
    expect.soft(box.x + box.width, `${name}: ${what} ends on screen at ${width} px`).toBeLessThanOrEqual(width);
  };
  const primary = row.locator('[data-card="primary"]');
  const count = await primary.count();
  expect(count, `${name}: the row declares its state and money`).toBeGreaterThanOrEqual(2);
  for (let i = 0; i < count; i++) await inside(primary.nth(i), `primary cell ${i + 1}`);
  const buttons = row.locator('[data-card="action"]').locator("button, a");
  expect((await buttons.count()) > 0, `${name}: has a primary action`).toBe(action);
  for (let i = 0; i < Math.min(1, await buttons.count()); i++) await inside(buttons.nth(i), "primary action");
}

async function check(page: Page, name: string, row: () => Locator, options: { action: boolean }) {
  await expect(page).toHaveTitle(/\S/);
  await expect(row()).toBeVisible();
  const axe = await new AxeBuilder({ page }).analyze();
  const bad = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect.soft(bad.map((v) => `${name} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 844 });
    await firstRowOnScreen(page, row(), `${name} at ${width}`, options);
    expect.soft(await page.evaluate(() => document.documentElement.scrollWidth), `${name} scrolls sideways at ${width} px`).toBeLessThanOrEqual(width);
    await screenshot(page, `lists-${name}-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 844 });
}

const firstRow = (page: Page, region: string) => page.getByRole("region", { name: region, exact: true }).locator("tbody tr").first();

test("customer lists are cards on a phone, with the state, money and action first", async ({ page }) => {
  test.setTimeout(240_000); // axe on five pages, on a loaded machine
  await page.setViewportSize({ width: 1280, height: 844 });
  await signIn(page, buyer.email, buyer.password);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 844 });
    const balance = page.getByTestId("header-balance");
    await expect(balance).toBeVisible();
    await expect(balance).toContainText("$37.62"); // 40.123456 − 2.50, cut to cents
    await expect(balance.getByRole("link", { name: /^Balance:/ }).locator("span[title]")).toHaveAttribute("title", "Exactly $37.623456");
    await expect(page.getByTestId("header-add-funds")).toBeVisible();
  }
  await page.setViewportSize({ width: 1280, height: 844 });
  await page.goto("/orders");
  await expect(firstRow(page, "Orders").getByTestId("order-state")).toHaveText("Pending");
  await expect(firstRow(page, "Orders").getByTestId("order-charge")).toHaveText("$2.50");
  await check(page, "orders", () => firstRow(page, "Orders"), { action: true });
  await page.goto("/funds");
  await expect(firstRow(page, "Balance history").getByTestId("ledger-amount")).toHaveText("-$2.50");
  await expect(page.getByRole("region", { name: "Balance history" })).toContainText("+$40.123456");
  await check(page, "funds-history", () => firstRow(page, "Balance history"), { action: false });
  await expect(firstRow(page, "Payments")).toContainText("Awaiting payment");
  await check(page, "funds-payments", () => firstRow(page, "Payments"), { action: false });
  await page.goto("/api-keys");
  await check(page, "api-keys", () => firstRow(page, "API keys"), { action: true });
});

test("staff lists are cards on a phone, with the state, money and action first", async ({ page }) => {
  test.setTimeout(600_000); // axe over a 50-row price table takes minutes on a loaded machine
  await page.setViewportSize({ width: 1280, height: 844 });
  await signIn(page, admin.email, admin.password);
  await page.goto(`/admin/orders?email=${encodeURIComponent(buyer.email)}`);
  await check(page, "admin-orders", () => page.getByTestId(`order-row-${seeded.orderId}`), { action: false });
  await page.goto(`/admin/users?q=${encodeURIComponent(buyer.email)}`);
  await check(page, "admin-users", () => page.getByTestId(`user-row-${buyer.email}`), { action: true });
  await page.goto(`/admin/users/${seeded.buyerId}`);
  await check(page, "admin-user-ledger", () => page.getByTestId("ledger").locator("tbody tr").first(), { action: false });
  await page.goto(`/admin/payments?customer=${encodeURIComponent(buyer.email)}`);
  await check(page, "admin-payments", () => firstRow(page, "Payments"), { action: false });
  await page.goto("/admin/services");
  await check(page, "admin-services", () => firstRow(page, "Services"), { action: true });
  await page.goto("/admin/reports");
  await check(page, "admin-reports", () => firstRow(page, "Report"), { action: false });
});

test("times follow the zone saved on the account; the order history is told in words", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 844 });
  await signIn(page, buyer.email, buyer.password);
  await page.goto("/account");
  await page.getByLabel("Time zone").selectOption("Asia/Tokyo");
  await page.getByRole("button", { name: "Save time zone" }).click();
  await expect(page.getByText("Times are shown in Asia/Tokyo.")).toBeVisible();
  await page.goto(`/orders/${seeded.orderId}`);
  const placed = page.getByTestId("order-placed").locator("time");
  const iso = await placed.getAttribute("datetime");
  await expect(placed).toHaveAttribute("title", /\(Asia\/Tokyo\)$/);
  const tokyo = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(iso!)).replace(",", "");
  await expect(placed).toHaveText(tokyo);
  await page.goto("/account");
  await page.getByLabel("Time zone").selectOption("");
  await page.getByRole("button", { name: "Save time zone" }).click();
  await expect(page.getByText("Times follow this browser's zone.")).toBeVisible();
});
