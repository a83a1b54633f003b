// Pricing and catalog pages in the browser: the rules page with its preview, the catalog change
// log with sync progress and schedule, service editing that survives a sync, a customer's
// discount on the user page, and the customers' Updates page. Screenshots at 1280 and 390 px;
// axe finds no serious or critical violation on the new pages. Rules are set on one service only,
// so that other browser tests sharing this database keep their prices.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { E2E_ACCOUNTS } from "./accounts";
import { screenshot, signIn, signOut } from "./helpers";

const { admin, customer } = E2E_ACCOUNTS;

async function axeClean(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function bothWidths(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await screenshot(page, `${name}-1280`);
  await page.setViewportSize({ width: 390, height: 844 });
  // Horizontal scrolling of the page itself (a table scrolling inside its own box is fine).
  const overflow = await page.evaluate(() => {
    window.scrollTo(10_000, 0);
    const by = window.scrollX;
    window.scrollTo(0, 0);
    return { by };
  });
  expect(overflow.by, `${name} overflows horizontally at 390 px`).toBeLessThanOrEqual(0);
  await screenshot(page, `${name}-390`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

let serviceId = "";

test("an admin previews a rule, then saves it; the service's price follows", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  await page.goto("/admin/services?enabled=yes");
  const lastRow = page.locator("tbody tr[data-testid^='service-row-']").last();
  serviceId = (await lastRow.getAttribute("data-testid"))!.replace("service-row-", "");
  const oldPrice = (await lastRow.getByTestId("sell-rate").innerText()).trim();

  await page.goto("/admin/pricing");
  await expect(page.getByRole("heading", { name: "Pricing" })).toBeVisible();
  const form = page.getByRole("form", { name: "Pricing rule" });
  // A bad term is refused beside its field, and what was chosen stays.
  await form.getByLabel("Applies to").selectOption("item");
  await form.getByLabel("Service or product id").fill(serviceId);
  await form.getByLabel("Markup %").fill("-5");
  await form.getByRole("button", { name: "Preview" }).click();
  await expect(form.locator("#percent-error")).toContainText("at least 0");
  await expect(form.getByLabel("Applies to")).toHaveValue("item");
  await expect(form.getByLabel("Service or product id")).toHaveValue(serviceId);

  // Preview: old and new price, nothing saved.
  await form.getByLabel("Markup %").fill("300");
  await form.getByLabel("Round up to").fill("0.01");
  await form.getByRole("button", { name: "Preview" }).click();
  await expect(form.getByTestId("rule-feedback")).toContainText("Saving would change 1 price(s): 1 up, 0 down. Nothing is saved yet.");
  const preview = form.getByTestId("rule-preview");
  await expect(preview).toContainText(`#${serviceId}`);
  const newPrice = (await preview.locator("tbody tr td").last().innerText()).trim();
  await bothWidths(page, "admin-pricing-preview");
  await axeClean(page);
  // Nothing saved yet; the previewed rule is still in the form, so it can be saved as it is.
  await expect(page.getByTestId("price-rules")).not.toContainText(`service #${serviceId}`);
  await expect(form.getByLabel("Markup %")).toHaveValue("300");
  await expect(form.getByLabel("Service or product id")).toHaveValue(serviceId);
  await form.getByRole("button", { name: "Save and reprice" }).click();
  await expect(form.getByTestId("rule-feedback")).toContainText("Rule saved: 1 price(s) up, 0 down.");
  await expect(page.getByTestId("price-rules")).toContainText(`service #${serviceId}`);
  await bothWidths(page, "admin-pricing");
  await page.goto(`/admin/services?search=${serviceId}`);
  await expect(page.getByTestId(`service-row-${serviceId}`).getByTestId("sell-rate")).toContainText(newPrice);
  expect(oldPrice).not.toContain(newPrice);
});

test("an admin edits a service; a sync keeps the edit; the change log and sync summary show it", async ({ page }) => {
  expect(serviceId).not.toBe("");
  await signIn(page, admin.email, admin.password);
  await page.goto(`/admin/services/${serviceId}`);
  const form = page.getByRole("form", { name: "Edit service" });
  await form.getByLabel("Name").fill("Renamed by the e2e admin");
  await form.getByLabel("Sort order").fill("lots");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.locator("#sortOrder-error")).toBeVisible();
  await expect(form.getByLabel("Name")).toHaveValue("Renamed by the e2e admin");
  await form.getByLabel("Sort order").fill("3");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByRole("status")).toContainText("Saved.");
  await bothWidths(page, "admin-service-edit");
  await axeClean(page);

  await page.goto("/admin/catalog-changes");
  const panel = page.locator("[data-testid^='sync-panel-']").filter({ hasText: "E2E simulator" });
  await panel.getByLabel(/Minutes between syncs/).fill("2");
  await panel.getByRole("button", { name: "Set schedule" }).click();
  await expect(panel.getByRole("alert")).toContainText("At least 5 minutes");
  await panel.getByLabel(/Minutes between syncs/).fill("120");
  await panel.getByRole("button", { name: "Set schedule" }).click();
  await expect(panel).toContainText("Synced every 120 minutes by the worker.");
  await panel.getByRole("button", { name: "Sync now" }).click();
  await expect(panel.getByTestId("sync-status")).toContainText(/Last sync .*60 services: 0 new, 0 removed \(disabled\)/, { timeout: 30_000 });
  await expect(page.getByTestId("catalog-changes")).toContainText("new");
  await bothWidths(page, "admin-catalog-changes");
  await axeClean(page);

  await page.goto(`/admin/services?search=${serviceId}`);
  await expect(page.getByTestId(`service-row-${serviceId}`)).toContainText("Renamed by the e2e admin");
  await bothWidths(page, "admin-services");
});

test("a customer's discount shows in their catalog; Updates list price changes and new services", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  await page.goto("/admin/users");
  await page.getByRole("link", { name: customer.email }).first().click();
  const pricing = page.getByTestId("customer-pricing");
  await pricing.getByLabel("Discount %").fill("150");
  await pricing.getByRole("button", { name: "Save discount" }).click();
  await expect(pricing.locator("#percent-error")).toBeVisible();
  await pricing.getByLabel("Discount %").fill("10");
  await pricing.getByRole("button", { name: "Save discount" }).click();
  await expect(pricing).toContainText("Discount set to 10%.");
  await expect(pricing).toContainText("10% off list prices");
  await screenshot(page, "admin-user-pricing-1280");
  await signOut(page);

  await signIn(page, customer.email, customer.password);
  await page.goto("/updates");
  await expect(page.getByRole("heading", { name: "Updates" })).toBeVisible();
  await expect(page.getByTestId("updates")).toContainText("Price increased");
  await expect(page.getByTestId("updates")).toContainText("New service");
  await bothWidths(page, "updates");
  await axeClean(page);
  await page.getByRole("link", { name: "Updates" }).first().click();
  await expect(page).toHaveURL(/\/updates/);
});
