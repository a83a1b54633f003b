// Issue 24 (pages customers of this trade expect, the order forms, the owner's name, charts and the
// dark theme), as a customer and the owner use them in the browser: drip-feed runs, subscriptions
// (placed through the form, cancelled through the order's own Cancel), refills across orders, the
// search by link in every state; the subscription form's per-post range and Delay list; an
// unavailable service named as such; a product's stock after a purchase; the owner's panel name in
// the header and titles; the staff charts; light and dark themes (axe in both, 1280 and 390 px
// screenshots, nothing scrolls sideways); and /favicon.ico.
import { expect, test, type Page } from "@playwright/test";
import { closeDb, getDb } from "../lib/db/connection";
import type { OrderState } from "../lib/db/generated/enums";
import { seedAccounts } from "../lib/demo/seed-accounts";
import { creditFunds } from "../lib/ledger/credit-funds";
import { createChargedOrder, settleTestOrder } from "../lib/testing/fixtures";
import { E2E_ACCOUNTS } from "./accounts";
import { looksRight, signIn, signOut } from "./helpers";

test.setTimeout(120_000);
const { admin } = E2E_ACCOUNTS;
const buyer = { email: "order-pages-e2e@panel.test", password: "order-pages-pass-1", role: "customer" as const };
const seeded = { refillIds: [] as number[], dripId: 0, searchIds: [] as number[], refillOrderId: 0, subscriptionServiceId: 0, dripServiceId: 0, disabledServiceId: 0, productId: 0, stock: 0 };
const LINK_MARK = `find-me-${Date.now().toString(36)}`;

test.beforeAll(async () => {
  const db = await getDb();
  await seedAccounts(db, [buyer]);
  const user = await db.user.findUniqueOrThrow({ where: { email: buyer.email } });
  const credited = await creditFunds(db, { customerId: user.id, amount: "5000", reason: "order pages spec" });
  if (!credited.ok) throw new Error(credited.message);
  const simulator = await db.provider.findUniqueOrThrow({ where: { name: "E2E simulator" } });
  // The simulator's (seed 7) subscription service, which allows cancelling.
  seeded.subscriptionServiceId = (await db.service.findFirstOrThrow({ where: { providerId: simulator.id, upstreamId: "129" } })).id;
  seeded.dripServiceId = (await db.service.findFirstOrThrow({ where: { providerId: simulator.id, upstreamId: "7" } })).id;
  const offline = await db.provider.create({ data: { name: `Order pages offline ${Date.now().toString(36)}`, apiUrl: "http://127.0.0.1:9/api/v2", apiKeyEncrypted: "none", enabled: false } });
  const { id: _id, providerId: _p, ...copy } = await db.service.findUniqueOrThrow({ where: { id: seeded.dripServiceId } });
  void _id;
  void _p;
  seeded.disabledServiceId = (await db.service.create({ data: { ...copy, providerId: offline.id, upstreamId: "disabled-1", enabled: false, priceRuleId: null, sellRateOverride: true } })).id;

  // A drip-feed order four and a half runs in: 10 runs of 100, 550 remaining.
  seeded.dripId = await createChargedOrder(db, user.id, { charge: "3", quantity: 1000, providerId: offline.id });
  await settleTestOrder(db, seeded.dripId, "in_progress");
  await db.order.update({
    where: { id: seeded.dripId },
    data: { serviceId: seeded.dripServiceId, remains: 550, params: { type: "Default", link: "https://example.com/drip", quantity: 100, dripFeed: { runs: 10, interval: 30 } } },
  });
  // Three orders sharing a piece of link, in three states, and one that does not match.
  const paths: Extract<OrderState, "in_progress" | "completed" | "canceled">[][] = [[], ["in_progress", "completed"], ["canceled"]];
  for (const [i, path] of paths.entries()) {
    const id = await createChargedOrder(db, user.id, { charge: "1", quantity: 100, providerId: offline.id });
    // Moved as the worker moves orders: the database refuses a change of state that names no actor.
    for (const state of path) await settleTestOrder(db, id, state);
    await db.order.update({ where: { id }, data: { link: `https://instagram.com/p/${LINK_MARK}-${i}` } });
    seeded.searchIds.push(id);
  }
  const other = await createChargedOrder(db, user.id, { charge: "1", quantity: 100, providerId: offline.id });
  await db.order.update({ where: { id: other }, data: { link: "https://instagram.com/p/someone-else" } });
  // Refills of one completed order: one done, one rejected.
  seeded.refillOrderId = seeded.searchIds[1];
  for (const state of ["completed", "rejected"] as const) seeded.refillIds.push((await db.refill.create({ data: { orderId: seeded.refillOrderId, userId: user.id, state } })).id);
  const product = await db.product.findFirstOrThrow({ where: { providerId: simulator.id, enabled: true, requireText: null, inventory: { gte: 3 } }, orderBy: { id: "asc" } });
  seeded.productId = product.id;
  seeded.stock = product.inventory!;
  await closeDb();
});

const looks = (page: Page, name: string) => looksRight(page, `order-pages-${name}`);

async function setTheme(page: Page, theme: "light" | "dark" | "system") {
  await page.getByTestId("theme-switch").first().selectOption(theme);
  await page.reload();
  if (theme === "system") await expect(page.locator("html")).not.toHaveAttribute("data-theme");
  else await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
}

const backgroundOf = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test("the subscription form: per-post range, Delay as a list; placed, listed with its expiry and cancelled", async ({ page }) => {
  await signIn(page, buyer.email, buyer.password);
  await page.goto(`/new-order?service=${seeded.subscriptionServiceId}`);
  await expect(page.getByTestId("service-summary")).toContainText("Per new post");
  await expect(page.getByTestId("service-summary")).not.toContainText("Quantity");
  await expect(page.getByLabel("Quantity")).toHaveCount(0);
  const delay = page.getByLabel("Delay in minutes");
  await expect(delay).toHaveJSProperty("tagName", "SELECT");
  expect(await delay.locator("option").allTextContents()).toEqual(expect.arrayContaining(["No delay", "30 minutes", "600 minutes"]));
  await looks(page, "subscription-form");
  await page.getByLabel("Username").fill("e2e_account");
  await page.getByLabel("Minimum per post").fill("10");
  await page.getByLabel("Maximum per post").fill("50000");
  await page.getByLabel("Number of new posts").fill("20");
  await delay.selectOption("30");
  await page.getByLabel("Expiry").fill("31/12/2099");
  await page.getByRole("button", { name: "Place order" }).click();
  const placed = page.getByTestId("placed-order");
  await expect(placed).toBeVisible();
  const orderId = Number((await placed.textContent())!.match(/Order #(\d+)/)![1]);

  await page.goto("/orders/subscriptions");
  const row = page.getByTestId(`order-row-${orderId}`);
  await expect(row.getByTestId("subscription-expiry")).toHaveText("31/12/2099");
  await expect(row.getByTestId("subscription-details")).toContainText("10–50000");
  await expect(row.getByTestId("subscription-details")).toContainText("20 new · delay 30 min");
  await row.getByRole("button", { name: "Cancel" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Yes, cancel" }).click();
  // The order's own road (requestCancel): accepted while the simulator still runs it (about 12 s
  // for 1,000,000 units); on a slow machine the simulator may finish first, and the same road
  // answers that it can no longer be cancelled (refused upstream, or already settled by the worker).
  const toast = page.locator("[data-sonner-toast]").first();
  await expect(toast).toContainText(/Cancel requested|refused|can no longer be cancelled/);
  // axe reads colours as drawn: a toast still fading in has too little contrast for a moment.
  await expect(toast).toHaveCSS("opacity", "1");
  await looks(page, "subscriptions");
});

test("drip-feed runs, refills across orders and the search by link in every state", async ({ page }) => {
  await signIn(page, buyer.email, buyer.password);
  await page.goto("/orders/drip-feed");
  const drip = page.getByTestId(`order-row-${seeded.dripId}`).getByTestId("drip-feed-progress");
  await expect(drip).toContainText("4 of 10 runs delivered");
  await expect(drip).toContainText("100 per run · every 30 min");
  await expect(drip).toContainText("450 / 1000 delivered");
  await expect(drip.locator("li").nth(4)).toHaveAttribute("title", "Run 5: 50 %");
  await looks(page, "drip-feed");

  await page.goto("/refills");
  const [done, rejected] = seeded.refillIds.map((id) => page.getByTestId(`refill-row-${id}`));
  await expect(rejected.getByTestId("refill-state")).toHaveText("Rejected by the provider");
  await expect(done.getByTestId("refill-state")).toHaveText("Completed");
  await expect(rejected).toContainText(`order #${seeded.refillOrderId}`);
  // Newest first.
  expect((await rejected.boundingBox())!.y).toBeLessThan((await done.boundingBox())!.y);
  await looks(page, "refills");

  await page.goto("/orders/search");
  await page.getByLabel("Link or part of it").fill(LINK_MARK);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(new RegExp(`link=${LINK_MARK}`));
  const found = page.locator('[data-testid^="order-row-"]');
  await expect(found).toHaveCount(3);
  await expect(found.getByTestId("order-state")).toHaveText(["Canceled", "Completed", "Pending"]);
  await looks(page, "search");
  await page.goto("/orders/search?link=no-order-has-this-link");
  await expect(page.getByText("No orders with a link containing")).toBeVisible();
});

test("an unavailable service is named as such, and a product's stock follows the purchase", async ({ page }) => {
  await signIn(page, buyer.email, buyer.password);
  await page.goto(`/new-order?service=${seeded.disabledServiceId}`);
  await expect(page.getByTestId("service-unavailable")).toContainText("not available");
  await expect(page.getByLabel(/Service/).first()).toBeVisible();
  await looks(page, "new-order-unavailable");

  await page.goto("/products");
  const stock = page.getByTestId(`product-stock-${seeded.productId}`);
  await expect(stock).toContainText(`(${seeded.stock} left)`);
  const form = page.getByTestId(`buy-product-${seeded.productId}`);
  await form.getByLabel("Quantity").fill("2");
  await form.getByRole("button", { name: "Buy" }).click();
  await expect(form.getByTestId("form-message")).toContainText("placed");
  await expect(stock).toContainText(`(${seeded.stock - 2} left)`);
});

test("dark theme: follows the system, a saved choice wins from the first byte, pages stay readable", async ({ page }) => {
  // Six pages, each checked by axe and photographed at two widths.
  test.setTimeout(300_000);
  await page.emulateMedia({ colorScheme: "dark" });
  await signIn(page, buyer.email, buyer.password);
  await expect(page.locator("html")).not.toHaveAttribute("data-theme");
  const darkBackground = await backgroundOf(page);
  await page.emulateMedia({ colorScheme: "light" });
  const lightBackground = await backgroundOf(page);
  expect(darkBackground).not.toEqual(lightBackground);

  await setTheme(page, "dark");
  // The server wrote the choice into the HTML: the page as first received is already dark.
  const html = await (await page.request.get("/orders/drip-feed")).text();
  expect(html).toMatch(/<html[^>]*data-theme="dark"/);
  await page.goto("/orders/drip-feed");
  expect(await backgroundOf(page)).toEqual(darkBackground);
  for (const [path, name] of [["/orders/drip-feed", "drip-feed"], ["/refills", "refills"], [`/orders/search?link=${LINK_MARK}`, "search"], [`/new-order?service=${seeded.subscriptionServiceId}`, "subscription-form"], ["/orders", "orders"]] as const) {
    await page.goto(path);
    await looks(page, `dark-${name}`);
  }
  await page.goto("/orders/subscriptions");
  await looks(page, "dark-subscriptions");
  await setTheme(page, "system");
});

test("the owner names the panel; staff charts in light and dark; /favicon.ico", async ({ page }) => {
  test.setTimeout(240_000);
  const icon = await page.request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/");

  await signIn(page, admin.email, admin.password);
  await page.goto("/admin");
  await expect(page.getByTestId("chart-daily").locator("svg").first()).toBeVisible();
  await expect(page.getByTestId("chart-states").locator("svg").first()).toBeVisible();
  await expect(page.getByTestId("top-services")).toBeVisible();
  await page.getByText("Figures per day").click();
  await expect(page.getByTestId("daily-figures").locator("tbody tr")).toHaveCount(30);
  await looks(page, "admin-overview");
  await setTheme(page, "dark");
  await looks(page, "dark-admin-overview");
  await setTheme(page, "system");

  const name = `Boost Hub ${Date.now().toString(36)}`;
  await page.goto("/admin/settings");
  await page.getByLabel("Panel name").fill("   ");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText("Enter the name customers see.")).toBeVisible();
  await page.getByLabel("Panel name").fill(name);
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByTestId("form-message")).toContainText(name);
  await page.goto("/admin/settings");
  await expect(page.getByTestId("brand-name")).toContainText(name);
  await expect(page).toHaveTitle(`Settings — ${name}`);
  await looks(page, "settings");
  await signOut(page);
  await expect(page.getByTestId("brand-name")).toHaveText(name);
  await signIn(page, buyer.email, buyer.password);
  await page.goto("/refills");
  await expect(page).toHaveTitle(`Refills — ${name}`);
  await signOut(page);

  // Back to the default name for the specs that run after this one.
  await signIn(page, admin.email, admin.password);
  await page.goto("/admin/settings");
  await page.getByLabel("Panel name").fill("Reseller Panel");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByTestId("form-message")).toContainText("Reseller Panel");
});
