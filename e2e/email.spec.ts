// Issue 23 in the browser: verified sign-up (an unverified account is refused orders), "Forgot
// password?" with the emailed link used once, the account page's email part, and the staff outbox.
// Mail arrives over SMTP at the sink scripts/test/run-e2e.ts starts. Each page: axe, 1280/390 px.
import { expect, test, type Page } from "@playwright/test";
import { E2E_ACCOUNTS } from "./accounts";
import { signIn, signOut, signUp, looksRight } from "./helpers";
import { linkIn, mailTo } from "./mailbox";

const { admin } = E2E_ACCOUNTS;

const check = (page: Page, name: string) => looksRight(page, `email-${name}`);

test("sign-up: check your inbox, an unverified account signs in but cannot order, the link confirms once", async ({ page }) => {
  const email = `verify-${Date.now()}@panel.test`;
  const password = "verify-password-1";
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  await check(page, "check-inbox");

  await signIn(page, email, password);
  await page.goto("/account");
  await expect(page.getByText("not confirmed yet")).toBeVisible();
  await check(page, "account-unverified");
  await page.getByRole("button", { name: "Send the link again" }).click();
  await expect(page.getByTestId("form-message").first()).toContainText(`We sent a new link to ${email}`);

  // The sign-up link and the resent one: only the newer works.
  const link = linkIn(await mailTo(email, "Confirm your email address", 2), "/verify-email");
  await page.goto(link);
  await check(page, "verify");
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByTestId("form-message")).toContainText(`${email} is confirmed`);
  // Once: the same link again is refused.
  await page.goto(link);
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByTestId("form-error")).toContainText(/not valid|already used/);
  await page.goto("/account");
  await expect(page.getByText("confirmed", { exact: true })).toBeVisible();
});

test("forgot password: same answer for an unknown email; the link sets a new password once and signs out other sessions", async ({ page, browser }) => {
  const email = `reset-${Date.now()}@panel.test`;
  // An account to reset (created and confirmed through the pages).
  await signUp(page, email, "old-password-1");
  const other = await (await browser.newContext()).newPage();
  await signIn(other, email, "old-password-1");
  await signOut(page);

  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password/);
  await check(page, "forgot");
  await page.getByLabel("Email").fill(`nobody-${Date.now()}@panel.test`);
  await page.getByRole("button", { name: "Send the link" }).click();
  const unknownAnswer = await page.getByTestId("form-message").innerText();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByTestId("form-message")).toContainText(email);
  expect(unknownAnswer.replace(/nobody-\d+@panel\.test/, email)).toBe(await page.getByTestId("form-message").innerText());

  const link = linkIn(await mailTo(email, "Set a new password"), "/reset-password");
  await page.goto(link);
  await check(page, "reset");
  await page.getByLabel("New password").fill("short");
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.locator("#newPassword-error")).toHaveText("Use at least 10 characters.");
  await page.getByLabel("New password").fill("new-password-2");
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByTestId("form-message")).toContainText("Your password is set");
  // The link works once.
  await page.goto(link);
  await page.getByLabel("New password").fill("third-password-3");
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByTestId("form-error")).toContainText("already used");
  // Every session ended; the new password works.
  await other.goto("/dashboard");
  await expect(other).toHaveURL(/\/sign-in/);
  await signIn(page, email, "new-password-2");
  await mailTo(email, "Your password was changed");
});

test("staff outbox lists what was sent, without the bodies of link emails", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  await page.goto("/admin/mail");
  await expect(page.getByTestId("outbox")).toContainText("Set a new password");
  await expect(page.getByTestId("outbox")).not.toContainText("/reset-password?token=");
  await check(page, "outbox");
});
