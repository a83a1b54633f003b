// Every customer page at phone width (390 px): nothing scrolls sideways, the menu replaces the
// navigation, axe finds nothing serious; and the same pages at 1280 px for the screenshots.
import { expect, test } from "@playwright/test";
import { E2E_ACCOUNTS } from "./accounts";
import { signIn } from "./helpers";
import { expectNoSeriousAxeViolations, expectNoSidewaysScroll } from "./storefront-helpers";

const { customer } = E2E_ACCOUNTS;
const PAGES = ["/dashboard", "/new-order", "/mass-order", "/orders", "/services", "/products", "/funds", "/api-keys", "/account"];

for (const width of [390, 1280]) {
  test(`every customer page at ${width} px: no sideways scroll, no serious axe violation`, async ({ page }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width, height: 844 });
    await signIn(page, customer.email, customer.password);
    // An order page and a preselected order form too.
    await page.goto("/orders");
    const orderLinks = page.locator('[data-testid^="order-row-"] a');
    const firstOrder = (await orderLinks.count()) > 0 ? await orderLinks.first().getAttribute("href") : null;
    await page.goto("/services");
    const firstService = await page.locator('[data-testid^="service-row-"]').first().getAttribute("data-service-id");
    const paths = [...PAGES, `/new-order?service=${firstService}`, ...(firstOrder ? [firstOrder] : [])];
    for (const path of paths) {
      await page.goto(path);
      await expect(page.locator("main h1")).toBeVisible();
      await expectNoSidewaysScroll(page);
      await expectNoSeriousAxeViolations(page);
      const name = path.replace(/^\//, "").replace(/[/?=]+/g, "-");
      await page.screenshot({ path: `test-results/screens/${width}/${name}.png`, fullPage: true });
    }
    if (width === 390) {
      await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
      // The menu's code loads on first use: by keyboard it opens, Escape closes it, focus comes back.
      await page.getByTestId("mobile-menu").focus();
      await page.keyboard.press("Enter");
      await expect(page.getByRole("menuitem", { name: "Mass order" })).toBeVisible();
      await page.screenshot({ path: "test-results/screens/390/menu-open.png" });
      await page.keyboard.press("Escape");
      await expect(page.getByRole("menuitem", { name: "Mass order" })).toBeHidden();
      await expect(page.getByTestId("mobile-menu")).toBeFocused();
      await page.getByTestId("mobile-menu").click();
      await page.getByRole("menuitem", { name: "Mass order" }).click();
      await expect(page).toHaveURL(/\/mass-order$/);
      await page.screenshot({ path: "test-results/screens/390/menu.png" });
    }
  });
}

test("the catalog at 390 px: each service shows its name, price per 1000, min–max and Order without scrolling sideways", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, customer.email, customer.password);
  await page.goto("/services");
  const rows = page.locator('[data-testid^="service-row-"]');
  await expect(rows.first()).toBeVisible();
  await expectNoSidewaysScroll(page);
  // Nothing in the catalog scrolls inside its own box either: every row fits the screen.
  const outside = await rows.evaluateAll((els) =>
    els.filter((row) => row.scrollWidth > row.clientWidth + 1 || row.getBoundingClientRect().right > document.documentElement.clientWidth + 1).length,
  );
  expect(outside).toBe(0);
  for (const row of (await rows.all()).slice(0, 5)) {
    const name = (await row.getAttribute("data-service-name"))!;
    await row.scrollIntoViewIfNeeded();
    await expect(row).toContainText(name);
    const price = row.getByTestId("service-price");
    await expect(price).toBeInViewport({ ratio: 1 });
    await expect(price).toContainText(/\$\d/);
    await expect(row).toContainText(/\d+ – \d+/);
    await expect(row.getByRole("link", { name: /^Order #/ })).toBeInViewport({ ratio: 1 });
  }
  await page.screenshot({ path: "test-results/screens/390/services-cards.png" });
});
