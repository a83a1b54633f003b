// A customer's orders end to end: a service order placed (errors beside the fields first) and
// followed to a final state, an order the balance does not cover, and a product bought, delivered
// in full (the test scripts the simulator to deliver it) and its result lines downloaded.
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { closeDb, getDb } from "../lib/db/connection";
import { e2eSimulator, scriptOutcomes } from "../lib/upstream/simulator/script-client";
import { E2E_ACCOUNTS } from "./accounts";
import { screenshot, signIn } from "./helpers";
import { chooseService, notTheFirstDefaultService } from "./storefront-helpers";

const { customer, victim } = E2E_ACCOUNTS;

// The worker's first status poll comes 30 s after an order is sent, so these tests wait on it.
test.setTimeout(150_000);

test.afterAll(async () => {
  await closeDb();
});

test("a customer places an order, sees errors beside fields first, and follows it to a final state", async ({ page }) => {
  await signIn(page, customer.email, customer.password);
  await page.goto("/services");
  await screenshot(page, "services");
  // Pick a plain Default service from the catalog.
  const row = page.locator("tr", { hasText: "Default" }).first();
  await row.getByRole("link", { name: "Order" }).click();
  await expect(page).toHaveURL(/\/new-order\?service=\d+/);
  const summary = await page.getByTestId("service-summary").innerText();
  const min = Number(/min (\d+)/.exec(summary)![1]);

  // Bad input: message beside the field, nothing placed.
  await page.getByLabel("Link").fill("not a link");
  await page.getByLabel("Quantity", { exact: true }).fill(String(min - 1 > 0 ? min - 1 : 0));
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.locator("#link-error")).toBeVisible();
  await expect(page.locator("#quantity-error")).toBeVisible();
  await expect(page.getByLabel("Link")).toHaveValue("not a link");

  await page.getByLabel("Link").fill("https://www.youtube.com/watch?v=e2e");
  await page.getByLabel("Quantity", { exact: true }).fill(String(min));
  await expect(page.getByTestId("order-estimate")).not.toHaveText("—");
  await screenshot(page, "new-order");
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByTestId("form-message")).toContainText("placed");
  await page.getByRole("link", { name: /Follow order #\d+/ }).click();
  await expect(page).toHaveURL(/\/orders\/\d+/);
  const orderUrl = page.url();

  // The worker inside the app polls the simulator; the order reaches a final state by itself.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("order-status")).toHaveText(/Completed|Partial|Canceled/);
  }).toPass({ timeout: 100_000, intervals: [1000] });
  await screenshot(page, "order-detail");

  await page.goto("/orders");
  await expect(page.locator(`[data-testid^="order-row-"]`).first()).toBeVisible();
  await screenshot(page, "orders");
  await page.goto("/funds");
  await expect(page.getByTestId("ledger-row").first()).toBeVisible();
  await expect(page.getByText("Order charge").first()).toBeVisible();
  await screenshot(page, "funds");

  // Another customer opening this order gets "not found", as if it did not exist.
  const other = await page.context().browser()!.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, victim.email, victim.password);
  const response = await otherPage.goto(orderUrl);
  expect(response?.status()).toBe(404);
  await other.close();
});

test("an order the balance does not cover is refused with a clear message", async ({ page }) => {
  await signIn(page, victim.email, victim.password);
  const { id } = await notTheFirstDefaultService(page);
  await page.goto("/new-order");
  await chooseService(page, id);
  const summary = await page.getByTestId("service-summary").innerText();
  const min = Number(/min (\d+)/.exec(summary)?.[1] ?? "1");
  const fields = page.locator("form");
  if (await fields.getByLabel("Link").count()) await page.getByLabel("Link").fill("https://example.com/p/1");
  if (await fields.getByLabel("Quantity", { exact: true }).count()) await page.getByLabel("Quantity", { exact: true }).fill(String(min));
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByText("Not enough funds on balance")).toBeVisible();
});

test("a customer buys a product and reads and downloads its result lines", async ({ page }) => {
  await signIn(page, customer.email, customer.password);
  await page.goto("/products");
  await screenshot(page, "products");
  const form = page.locator('[data-testid^="buy-product-"][data-stock="In stock"]').first();
  const productId = Number((await form.getAttribute("data-testid"))!.replace("buy-product-", ""));
  const { upstreamId } = await (await getDb()).product.findUniqueOrThrow({ where: { id: productId }, select: { upstreamId: true } });
  // The simulator delivers this purchase in full, so there are result lines to read and download.
  expect(await scriptOutcomes(e2eSimulator(), { product: Number(upstreamId) }, [{ type: "complete" }])).toBe(1);
  const quantity = Number(await form.locator('input[name="quantity"]').inputValue());
  const requireField = form.locator('input[name="require"]');
  if (await requireField.count()) await requireField.fill("buyer@example.com");
  await form.getByRole("button", { name: "Buy" }).click();
  await expect(form.getByTestId("form-message")).toContainText("placed");
  await form.getByRole("link", { name: /See order #\d+/ }).click();
  await expect(page).toHaveURL(/\/orders\/\d+/);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("order-status")).toHaveText(/Completed/);
  }).toPass({ timeout: 100_000, intervals: [1000] });
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("product-results")).not.toBeEmpty();
  }).toPass({ timeout: 40_000, intervals: [1000] });
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /Download/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/order-\d+-results\.txt/);
  const lines = fs.readFileSync((await file.path())!, "utf8").split("\n").filter((line) => line.trim() !== "");
  // One line per unit bought: everything was delivered.
  expect(lines).toHaveLength(quantity);
  await screenshot(page, "product-order");
});
