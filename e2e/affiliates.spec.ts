// Affiliates in the browser: a customer's referral link brings a visitor to sign-up; the visitor's
// sign-up is referred (held first: every browser here shares 127.0.0.1, the affiliate's own sign-up
// address, so an admin approves it on /admin/affiliates); the referred customer's manual bank
// transfer, approved by an admin, earns the affiliate the global 5 % on /affiliates, which the
// affiliate then moves into the balance. axe and screenshots at 1280 and 390 px on each page.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { E2E_ACCOUNTS } from "./accounts";
import { looksRight, signIn, signUp } from "./helpers";

const { admin } = E2E_ACCOUNTS;
const tag = Date.now().toString(36);
const BANK = `Affiliate bank ${tag}`;
const affiliateEmail = `affiliate-${tag}@example.com`;
const referredEmail = `referred-${tag}@example.org`;
const PASSWORD = "affiliate-pass-123";

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

async function createManualMethod(page: Page) {
  await page.goto("/admin/payments/methods");
  const form = page.getByTestId("method-form");
  await form.getByLabel("Gateway").selectOption("manual");
  const fields = { "Name shown to customers": BANK, Currency: "USD", Minimum: "10", Maximum: "10000", "Instructions for customers": "IBAN DE00 1234 5678 9000" };
  for (const [label, value] of Object.entries(fields)) await form.getByLabel(label, { exact: true }).fill(value);
  await form.getByLabel(/Enabled/).check();
  await form.getByRole("button", { name: "Create method" }).click();
  await expect(form.getByTestId("form-message")).toContainText("saved");
}

test("a sign-up through the referral link earns the affiliate commission on the referred customer's deposit", async ({ page, browser }) => {
  test.setTimeout(180_000);
  // The affiliate: a new customer with a link of their own.
  await signUp(page, affiliateEmail, PASSWORD);
  await page.goto("/affiliates");
  const link = await page.getByTestId("referral-link").inputValue();
  expect(link).toMatch(/\/r\/[0-9a-f]{10}$/);
  await expect(page.getByTestId("stat-sign-ups")).toHaveText("0");

  // The visitor follows the link (another browser) and signs up within the cookie's days.
  const visitor = await newPage(browser);
  await visitor.goto(new URL(link).pathname);
  await expect(visitor).toHaveURL(/\/sign-up$/);
  await signUp(visitor, referredEmail, PASSWORD);

  // An admin: the referral waits for review (same address as the affiliate's sign-up), approved.
  const staff = await newPage(browser);
  await signIn(staff, admin.email, admin.password);
  await createManualMethod(staff);
  await staff.goto("/admin/affiliates");
  const held = staff.getByTestId("held-referral-row").filter({ hasText: referredEmail });
  await expect(held).toContainText("same address");
  await held.getByRole("button", { name: "Approve" }).click();
  // Approved, it leaves the queue.
  await expect(held).toHaveCount(0);

  // The referred customer adds 100 by bank transfer; the admin approves it.
  await visitor.goto("/funds/add");
  const form = visitor.getByTestId("add-funds-form");
  await form.getByLabel("Payment method").selectOption({ label: `${BANK} (USD)` });
  await form.getByLabel(/^Amount/).fill("100");
  await form.getByLabel("Transfer reference").fill(`SEPA ${tag}`);
  await form.getByRole("button", { name: "Submit transfer" }).click();
  await expect(visitor).toHaveURL(/\/funds\/payments\/\d+$/);
  const paymentId = Number(visitor.url().split("/").pop());
  await staff.goto("/admin/payments/review");
  const card = staff.getByTestId(`review-${paymentId}`);
  await card.getByLabel("Reason").fill("Seen on the bank statement");
  await card.getByRole("button", { name: "Approve and credit" }).click();
  await expect(staff.getByTestId(`review-${paymentId}`)).toHaveCount(0);
  await staff.goto("/admin/affiliates");
  await expect(staff.getByTestId("staff-commission-row").filter({ hasText: referredEmail })).toContainText("$5.00");
  await looksRight(staff, "affiliates-admin");

  // The affiliate's page: one visit, one sign-up, one paying referral, 5 % of 100 earned.
  await page.goto("/affiliates");
  await expect(page.getByTestId("stat-visits")).toHaveText("1");
  await expect(page.getByTestId("stat-sign-ups")).toHaveText("1");
  await expect(page.getByTestId("stat-paying-referrals")).toHaveText("1");
  await expect(page.getByTestId("stat-commission-earned")).toContainText("$5.00");
  await expect(page.getByTestId("stat-available")).toContainText("$5.00");
  await expect(page.getByTestId("commission-row")).toHaveCount(1);
  await expect(page.getByTestId("commission-amount")).toContainText("$5.00");
  await looksRight(page, "affiliates");

  // Moved into the balance, once: the commission balance is empty, the header balance holds it.
  await page.getByRole("button", { name: "Move to my balance" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Move it" }).click();
  await expect(page.getByTestId("payout-to-balance").getByTestId("form-message")).toContainText("moved into your balance");
  await page.goto("/affiliates");
  await expect(page.getByTestId("stat-available")).toContainText("$0.00");
  await expect(page.getByTestId("stat-paid-out")).toContainText("$5.00");
  await page.goto("/funds");
  await expect(page.getByTestId("ledger-row").first()).toContainText("Affiliate commission");
});
