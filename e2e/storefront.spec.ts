// The storefront as a customer uses it: the catalog (search, category, price sort, Order button),
// a mass order with good and bad lines and a resubmit, Refill and Cancel from the orders list.
import { expect, test, type Page } from "@playwright/test";
import { closeDb, getDb } from "../lib/db/connection";
import { creditFunds } from "../lib/ledger";
import { PANEL_CURRENCY } from "../lib/currency";
import { Decimal } from "../lib/money/decimal";
import { formatMoney } from "../lib/money/format";
import { e2eSimulator, scriptOutcomes } from "../lib/upstream/simulator/script-client";
import { E2E_ACCOUNTS } from "./accounts";
import { screenshot, signIn } from "./helpers";
import { expectNoSeriousAxeViolations, expectNoSidewaysScroll, notTheFirstDefaultService } from "./storefront-helpers";

const { customer } = E2E_ACCOUNTS;
// Refill waits for an order to complete (the worker's first poll comes after 30 s).
test.setTimeout(180_000);

async function rowsOf(page: Page) {
  return page.locator('[data-testid^="service-row-"]').evaluateAll((rows) =>
    rows.map((row) => ({
      id: Number(row.getAttribute("data-service-id")),
      name: row.getAttribute("data-service-name") ?? "",
      category: row.querySelector("td:nth-child(2) div:nth-child(2)")?.textContent ?? "",
      rate: row.getAttribute("data-sell-rate") ?? "0",
    })),
  );
}

test("the catalog searches, filters by category, sorts by price and leads to a preselected order form", async ({ page }) => {
  await signIn(page, customer.email, customer.password);
  await page.goto("/services");
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, "services");
  await expect(page.locator("#main").getByRole("link", { name: /Updates/ })).toHaveAttribute("href", "/updates");

  await page.getByLabel("Category").selectOption("Instagram");
  await page.getByLabel("Sort").selectOption("price_asc");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/category=Instagram/);
  const rows = await rowsOf(page);
  expect(rows.length).toBeGreaterThan(1);
  expect(rows.every((row) => row.category.startsWith("Instagram"))).toBe(true);
  for (let i = 1; i < rows.length; i++) expect(new Decimal(rows[i - 1].rate).lte(rows[i].rate)).toBe(true);

  const target = rows[1];
  await page.getByLabel("Name or id").fill(String(target.id));
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByTestId(`service-row-${target.id}`)).toBeVisible();
  await page.getByTestId(`service-row-${target.id}`).getByRole("link", { name: /Order/ }).click();
  await expect(page).toHaveURL(new RegExp(`/new-order\\?service=${target.id}$`));
  await expect(page.getByRole("combobox", { name: "Service", exact: true })).toContainText(`#${target.id} ${target.name}`);
  await expect(page.getByTestId("service-summary")).toContainText("Average time");
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, "new-order");
});

test("a mass order previews good and bad lines, places the good ones, and a resubmit places nothing twice", async ({ page }) => {
  await signIn(page, customer.email, customer.password);
  const service = await notTheFirstDefaultService(page);
  await page.goto(`/new-order?service=${service.id}`);
  const min = Number(/min (\d+)/.exec(await page.getByTestId("service-summary").innerText())![1]);
  await page.goto("/orders");
  const ordersBefore = Number(/(\d+) orders/.exec(await page.locator("main").innerText())![1]);

  await page.goto("/mass-order");
  const balanceBefore = await page.getByTestId("page-balance").innerText();
  const text = [
    `${service.id} | https://www.youtube.com/watch?v=mass-1 | ${min}`,
    `${service.id} | not a link | ${min}`,
    "this line is wrong",
    `999999 | https://www.youtube.com/watch?v=mass-x | ${min}`,
    `${service.id} | https://www.youtube.com/watch?v=mass-2 | ${min}`,
  ].join("\n");
  await page.getByLabel("Orders").fill(text);
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByTestId("mass-preview");
  await expect(preview).toBeVisible();
  await expect(preview.getByTestId("preview-line-1")).toHaveAttribute("data-ok", "true");
  await expect(preview.getByTestId("preview-line-2")).toContainText("Link:");
  await expect(preview.getByTestId("preview-line-3")).toContainText("three parts");
  await expect(preview.getByTestId("preview-line-4")).toContainText("Service 999999 is not available.");
  await expect(preview.getByTestId("preview-line-5")).toHaveAttribute("data-ok", "true");
  await expect(page.getByTestId("mass-total")).toContainText("2 of 5 lines can be placed");
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, "mass-order-preview");

  await page.getByRole("button", { name: "Place 2 orders" }).click();
  const result = page.getByTestId("mass-result");
  await expect(result).toBeVisible({ timeout: 30_000 });
  await expect(result.getByTestId("result-line-1")).toContainText(/Order #\d+/);
  await expect(result.getByTestId("result-line-2")).toContainText("Link:");
  await expect(result.getByTestId("result-line-5")).toContainText(/Order #\d+/);
  const first = [await result.getByTestId("result-line-1").innerText(), await result.getByTestId("result-line-5").innerText()];
  // The balance at the top of the page follows the two charges, without a reload.
  const account = await (await getDb()).user.findUniqueOrThrow({ where: { email: customer.email }, select: { balance: true } });
  await expect(page.getByTestId("page-balance")).toHaveText(formatMoney(account.balance.toFixed(6), PANEL_CURRENCY, { style: "cents" }));
  expect(await page.getByTestId("page-balance").innerText()).not.toBe(balanceBefore);
  await screenshot(page, "mass-order-result");

  // The same previewed submission sent again: the same two orders, nothing new.
  await page.getByRole("button", { name: "Place 2 orders" }).click();
  await expect(result.getByTestId("result-line-1")).toContainText("already placed by this submission");
  const again = [await result.getByTestId("result-line-1").innerText(), await result.getByTestId("result-line-5").innerText()];
  expect(again.map((line) => /#(\d+)/.exec(line)![1])).toEqual(first.map((line) => /#(\d+)/.exec(line)![1]));
  await page.goto("/orders");
  await expect(page.locator("main")).toContainText(`${ordersBefore + 2} orders`);
});

/** The link placeOrder fills in: the simulator's scripted outcomes for the next order are queued on it. */
const STOREFRONT_LINK = "https://www.instagram.com/p/storefront";

async function placeOrder(page: Page, serviceId: number, quantityOf: (min: number, max: number) => number): Promise<number> {
  await page.goto(`/new-order?service=${serviceId}`);
  const summary = await page.getByTestId("service-summary").innerText();
  const [, min, max] = /min (\d+) · max (\d+)/.exec(summary)!.map(Number);
  await page.getByLabel("Link").fill(STOREFRONT_LINK);
  await page.getByLabel("Quantity", { exact: true }).fill(String(quantityOf(min, max)));
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByTestId("placed-order")).toBeVisible();
  await expect(page.getByTestId("placed-order")).toContainText("new balance");
  // The balance at the top of the page is the new one too, without a reload: in cents, exact in its title.
  const newBalance = /new balance (\S+)/.exec(await page.getByTestId("placed-order").innerText())![1];
  await expect(page.getByTestId("page-balance")).toHaveText(formatMoney(newBalance.replace(/[^0-9.-]/g, ""), PANEL_CURRENCY, { style: "cents" }));
  return Number(/Order #(\d+)/.exec(await page.getByTestId("placed-order").innerText())![1]);
}

/** Default services of the e2e catalog with refill or cancel, read from the catalog page. */
async function defaultServicesWith(page: Page, option: "Refill" | "Cancel"): Promise<number[]> {
  const ids: number[] = [];
  for (let p = 1; p <= 3 && ids.length === 0; p++) {
    await page.goto(`/services?page=${p}`);
    const rows = page.locator(`[data-testid^="service-row-"][data-service-type="Default"]`, { hasText: option });
    ids.push(...(await rows.evaluateAll((els) => els.map((el) => Number(el.getAttribute("data-service-id"))))));
  }
  return ids;
}

test.afterAll(async () => {
  await closeDb();
});

test("cancel from the orders list: confirm, toast, refund shown once canceled", async ({ page }) => {
  // The wait for the provider's confirmation below may take up to two minutes on its own.
  test.setTimeout(180_000);
  // The customer's balance is shared by every test that orders: a top-up through the ledger keeps
  // this one independent of what ran before.
  const db = await getDb();
  const account = await db.user.findUniqueOrThrow({ where: { email: customer.email } });
  const topUp = await creditFunds(db, { customerId: account.id, amount: "500", reason: "e2e top-up for the cancel test" });
  expect(topUp.ok).toBe(true);
  await signIn(page, customer.email, customer.password);
  const candidates = await defaultServicesWith(page, "Cancel");
  expect(candidates.length).toBeGreaterThan(0);
  // The simulator runs this order for 6000 simulated minutes (10 real minutes at the e2e speed),
  // so it is still running when the cancel arrives and the cancel is accepted.
  expect(await scriptOutcomes(e2eSimulator(), { link: STOREFRONT_LINK }, [{ type: "complete", minutes: 6_000 }])).toBe(1);
  const orderId = await placeOrder(page, candidates[0], (min) => min);
  await page.goto("/orders");
  const row = page.getByTestId(`order-row-${orderId}`);
  const charge = await row.getByTestId("order-charge").innerText();
  await row.getByRole("button", { name: "Cancel" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText(`Cancel order #${orderId}?`);
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, "orders-cancel-dialog");
  // "Keep it" sends nothing and gives the focus back to the row's button (the dialog's code is
  // loaded on first use, so the button is not Radix's own trigger).
  await dialog.getByRole("button", { name: "Keep it" }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(dialog).toContainText(`Cancel order #${orderId}?`);
  await dialog.getByRole("button", { name: "Yes, cancel" }).click();
  const toast = page.locator("[data-sonner-toast]").first();
  await expect(toast).toContainText("Cancel requested");
  await expect(toast).toHaveAttribute("data-type", "success");
  await expect(row.getByText("A cancel was already requested.")).toBeVisible();
  // Once the provider confirms, the row shows the whole charge refunded.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId(`order-row-${orderId}`).getByTestId("order-state")).toHaveText("Canceled");
    await expect(page.getByTestId(`order-row-${orderId}`).getByTestId("order-refunded")).toHaveText(charge);
  }).toPass({ timeout: 120_000, intervals: [2000] });
  await screenshot(page, "orders");
  await page.goto(`/orders/${orderId}`);
  await expect(page.getByTestId("order-refunded")).not.toHaveText("$0.00");
  await expect(page.getByTestId("order-history")).toContainText("Cancel requested");
  await expect(page.getByTestId("order-ledger")).toContainText("Refund");
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, "order-detail-canceled");
});

test("refill from the orders list once completed, then disabled with the cooldown", async ({ page }) => {
  await signIn(page, customer.email, customer.password);
  const candidates = await defaultServicesWith(page, "Refill");
  expect(candidates.length).toBeGreaterThan(0);
  // The simulator completes this order: refill is offered only for a completed one.
  expect(await scriptOutcomes(e2eSimulator(), { link: STOREFRONT_LINK }, [{ type: "complete" }])).toBe(1);
  const orderId = await placeOrder(page, candidates[0], (min) => min);
  await page.goto("/orders");
  const row = page.getByTestId(`order-row-${orderId}`);
  await expect(row.getByRole("button", { name: "Refill" })).toBeDisabled();
  await expect(row).toContainText("once the order is completed");
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId(`order-row-${orderId}`).getByTestId("order-state")).toHaveText("Completed");
  }).toPass({ timeout: 150_000, intervals: [2000] });
  await row.getByRole("button", { name: "Refill" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Yes, refill" }).click();
  await expect(page.locator("[data-sonner-toast]").first()).toContainText(/Refill #\d+ requested/);
  await expect(row.getByRole("button", { name: "Refill" })).toBeDisabled();
  await expect(row).toContainText(/Possible in \d+ h/);
  await page.goto(`/orders/${orderId}`);
  await expect(page.getByTestId("refills")).toContainText(/Refill #\d+/);
  await screenshot(page, "order-detail-refilled");
});
