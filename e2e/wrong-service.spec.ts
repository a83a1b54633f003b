// Issue 9's money bug: after the server refused an order, the form sent (and charged) the first
// service instead of the one still shown as chosen. These tests reproduce it exactly.
import { expect, test } from "@playwright/test";
import { E2E_ACCOUNTS } from "./accounts";
import { screenshot, signIn } from "./helpers";
import { chooseService, notTheFirstDefaultService, submittedServiceId } from "./storefront-helpers";

const { customer, victim } = E2E_ACCOUNTS;

test("after a refused submit, pressing Place order again orders the chosen service, not the first", async ({ page }) => {
  await signIn(page, customer.email, customer.password);
  const chosen = await notTheFirstDefaultService(page);
  await page.goto("/new-order");
  await chooseService(page, chosen.id);
  const summary = await page.getByTestId("service-summary").innerText();
  const min = Number(/min (\d+)/.exec(summary)![1]);
  await page.getByLabel("Link").fill("https://www.youtube.com/watch?v=wrong-service");
  // Below the minimum: the server refuses (the form does not block the submit).
  await page.getByLabel("Quantity", { exact: true }).fill(String(Math.max(0, min - 1)));
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.locator("#quantity-error")).toBeVisible();

  // The service the browser will send is still the chosen one, and so is what the page shows.
  expect(await submittedServiceId(page)).toBe(String(chosen.id));
  expect(await page.getByTestId("service-summary").innerText()).toBe(summary);

  // Fix only the quantity; do not touch the service; place again.
  await page.getByLabel("Quantity", { exact: true }).fill(String(min));
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByTestId("form-message")).toContainText("placed");
  await page.getByRole("link", { name: /order #\d+/i }).click();
  await expect(page).toHaveURL(/\/orders\/\d+/);
  await expect(page.getByTestId("order-service")).toContainText(chosen.name);
  await expect(page.getByTestId("order-service")).toContainText(`#${chosen.id}`);
});

test("a refusal for lack of funds keeps the chosen service and offers to add funds", async ({ page }) => {
  await signIn(page, victim.email, victim.password);
  const chosen = await notTheFirstDefaultService(page);
  await page.goto(`/new-order?service=${chosen.id}`);
  await expect(page.getByTestId("service-summary")).toBeVisible();
  const summary = await page.getByTestId("service-summary").innerText();
  const min = Number(/min (\d+)/.exec(summary)![1]);
  await page.getByLabel("Link").fill("https://www.youtube.com/watch?v=no-funds");
  await page.getByLabel("Quantity", { exact: true }).fill(String(min));
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByText("Not enough funds on balance")).toBeVisible();
  await expect(page.locator("#main").getByRole("link", { name: /add funds/i })).toHaveAttribute("href", "/funds/add");
  expect(await submittedServiceId(page)).toBe(String(chosen.id));
  expect(await page.getByTestId("service-summary").innerText()).toBe(summary);
  await expect(page.getByLabel("Link")).toHaveValue("https://www.youtube.com/watch?v=no-funds");
  await screenshot(page, "new-order-refused");
});
