// Steps every browser test repeats: signing up, in and out, full-page screenshots, and the look check.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { linkIn, mailTo } from "./mailbox";

/**
 * A new customer account through the sign-up form: "check your inbox", the emailed link opened
 * and confirmed, then signed in on the dashboard.
 */
export async function signUp(page: Page, email: string, password: string) {
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  await page.goto(linkIn(await mailTo(email, "Confirm your email address"), "/verify-email"));
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByTestId("form-message")).toContainText("is confirmed");
  await signIn(page, email, password);
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toContainText(email);
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

/**
 * How a page looks to people: no serious or critical axe violation on the whole page, full-page
 * screenshots at 1280 and 390 px (test-results/screens/<name>-<width>.png), and nothing scrolling
 * sideways at 390 px (read once layout has settled: charts re-measure after a resize).
 */
export async function looksRight(page: Page, name: string) {
  // Next streams the page's <title> in after the body: axe must not run before it is there.
  await expect(page).toHaveTitle(/\S/);
  const axe = await new AxeBuilder({ page }).analyze();
  const bad = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 900 });
  await screenshot(page, `${name}-1280`);
  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), { message: `${name} scrolls sideways at 390 px` }).toBeLessThanOrEqual(0);
  await screenshot(page, `${name}-390`);
  await page.setViewportSize({ width: 1280, height: 900 });
}
