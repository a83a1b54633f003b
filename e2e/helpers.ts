// Steps every browser test repeats: signing up, in and out, and full-page screenshots.
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
