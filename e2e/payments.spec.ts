// Funds in, in the browser: an admin sets up a Stripe, a Cryptomus and a manual method through the
// forms; a customer pays with each against local servers speaking those gateways' APIs (started by
// scripts/test/run-e2e.ts); the admin approves the manual transfer from the queue while the
// customer's page updates by itself. axe on every new page; screenshots at 1280 and 390 px.
import { expect, test, type Page } from "@playwright/test";
import { Decimal } from "../lib/money";
import { E2E_GATEWAY_KEYS } from "../lib/payments/testing/e2e-gateways";
import { E2E_ACCOUNTS } from "./accounts";
import { signIn, signUp, looksRight } from "./helpers";

const { admin, customer } = E2E_ACCOUNTS;
const tag = Date.now().toString(36);
const CARD = `Card ${tag}`;
const CRYPTO = `Crypto ${tag}`;
const BANK = `Bank transfer ${tag}`;

test.describe.configure({ mode: "serial" });

const check = (page: Page, name: string) => looksRight(page, `payments-${name}`);

async function balance(page: Page): Promise<Decimal> {
  await page.goto("/funds");
  const text = (await page.getByTestId("stat-balance").textContent()) ?? "";
  return new Decimal(text.replace(/[^\d.]/g, ""));
}

/**
 * On a gateway's own page (a local server speaking its API): it asks for `amount`, is paid, and
 * sends the customer back to our payment page, which says paid and shows `newBalance`.
 */
async function payAtGateway(page: Page, gateway: { heading: string; button: string }, amount: string, newBalance: Decimal) {
  await expect(page.getByRole("heading", { name: gateway.heading })).toBeVisible();
  await expect(page.getByTestId("stub-amount")).toContainText(amount);
  await page.getByRole("button", { name: gateway.button }).click();
  await expect(page).toHaveURL(/\/funds\/payments\/\d+$/);
  await expect(page.getByTestId("payment-status")).toContainText("Paid");
  await expect(page.getByTestId("new-balance")).toContainText(newBalance.toFixed(2));
}

async function createMethod(page: Page, fields: Record<string, string>, gateway: string, secrets: Record<string, string> = {}) {
  await page.goto("/admin/payments/methods");
  const form = page.getByTestId("method-form");
  await form.getByLabel("Gateway").selectOption(gateway);
  for (const [label, value] of Object.entries(fields)) await form.getByLabel(label, { exact: true }).fill(value);
  for (const [label, value] of Object.entries(secrets)) await form.getByLabel(label).fill(value);
  await form.getByLabel(/Enabled/).check();
  await form.getByRole("button", { name: "Create method" }).click();
  await expect(form.getByTestId("form-message")).toContainText("saved");
}

test("an admin sets up card, crypto and manual methods with keys and a bonus", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Payments" }).click();
  await expect(page.getByRole("heading", { name: "Payments" })).toBeVisible();
  await page.getByRole("link", { name: "Methods and bonuses" }).click();

  // Bad input: errors beside the fields, what was typed kept, the key never sent back.
  const form = page.getByTestId("method-form");
  await form.getByLabel("Name shown to customers").fill(CARD);
  await form.getByLabel("Minimum").fill("50");
  await form.getByLabel("Maximum").fill("5");
  await form.getByLabel("Secret key (sk_…)").fill(E2E_GATEWAY_KEYS.stripeSecretKey);
  await form.getByRole("button", { name: "Create method" }).click();
  await expect(page.locator("#maxAmount-error")).toContainText("at least the minimum");
  await expect(form.getByLabel("Name shown to customers")).toHaveValue(CARD);
  await expect(form.getByLabel("Secret key (sk_…)")).toHaveValue("");
  expect(await page.content()).not.toContain(E2E_GATEWAY_KEYS.stripeSecretKey);

  await createMethod(page, { "Name shown to customers": CARD, Currency: "USD", Minimum: "5", Maximum: "500", "Fee (%) added to what the customer pays": "3" }, "stripe", {
    "Secret key (sk_…)": E2E_GATEWAY_KEYS.stripeSecretKey,
    "Webhook signing secret (whsec_…)": E2E_GATEWAY_KEYS.stripeWebhookSecret,
  });
  await createMethod(page, { "Name shown to customers": CRYPTO, Currency: "USD", Minimum: "10", Maximum: "5000" }, "cryptomus", {
    "Merchant UUID": E2E_GATEWAY_KEYS.cryptomusMerchantId,
    "Payment API key": E2E_GATEWAY_KEYS.cryptomusApiKey,
  });
  await page.goto("/admin/payments/methods");
  await page.getByTestId("method-form").getByLabel("Gateway").selectOption("manual");
  await createMethod(page, { "Name shown to customers": BANK, Currency: "USD", Minimum: "20", Maximum: "10000", "Instructions for customers": "IBAN DE00 1234 5678 9000\nReference: your email" }, "manual");

  // Keys shown masked only.
  await page.goto("/admin/payments/methods");
  const card = page.getByTestId(`method-${CARD}`);
  await expect(card).toContainText(`secretKey …${E2E_GATEWAY_KEYS.stripeSecretKey.slice(-4)}`);
  expect(await page.content()).not.toContain(E2E_GATEWAY_KEYS.stripeWebhookSecret);

  // A bonus on the card method: +10 % from 100.
  await card.getByRole("link", { name: "Edit" }).click();
  const rules = page.getByTestId("bonus-rule-form");
  await rules.getByLabel("Bonus (%)").fill("250");
  await rules.getByLabel(/From/).fill("100");
  await rules.getByRole("button", { name: "Add bonus rule" }).click();
  await expect(page.locator("#rule-percent-error")).toContainText("at most 100");
  await rules.getByLabel("Bonus (%)").fill("10");
  await rules.getByRole("button", { name: "Add bonus rule" }).click();
  await expect(page.getByTestId("bonus-rules")).toContainText("+10 % from 100 USD");
  await check(page, "admin-methods");
});

test("a customer pays by card through Stripe Checkout and comes back to a paid payment with the bonus", async ({ page }) => {
  await signIn(page, customer.email, customer.password);
  const before = await balance(page);
  await check(page, "funds-before");
  await page.getByRole("link", { name: "Add funds" }).first().click();
  const form = page.getByTestId("add-funds-form");
  await form.getByLabel("Payment method").selectOption({ label: `${CARD} (USD)` });
  await form.getByLabel(/^Amount/).fill("3");
  await form.getByRole("button", { name: "Pay" }).click();
  await expect(page.locator("#amount-error")).toContainText("The minimum is 5 USD.");
  // The choice survives the refusal.
  await expect(form.getByLabel("Payment method")).toHaveValue(await form.getByLabel("Payment method").locator("option", { hasText: CARD }).getAttribute("value") ?? "");
  await form.getByLabel(/^Amount/).fill("120");
  await expect(page.getByTestId("quote")).toContainText("$123.60");
  await expect(page.getByTestId("quote-bonus")).toContainText("12.00");
  await check(page, "add-funds");
  await form.getByRole("button", { name: "Pay" }).click();

  // The gateway's own page (the local Stripe server), then back.
  await payAtGateway(page, { heading: "Test Stripe checkout", button: "Pay now" }, "123.60 USD", before.plus(132));
  await check(page, "payment-paid");
});

test("a dispute the balance cannot cover is flagged; the admin takes it back, once, after the customer pays in again", async ({ page, browser }) => {
  const disputed = { email: `disputed-${tag}@e2e.test`, password: "disputed-pass-1" };
  await signUp(page, disputed.email, disputed.password);
  const payByCard = async (amount: string, toPay: string, newBalance: Decimal) => {
    await page.goto("/funds");
    await page.getByRole("link", { name: "Add funds" }).first().click();
    const form = page.getByTestId("add-funds-form");
    await form.getByLabel("Payment method").selectOption({ label: `${CARD} (USD)` });
    await form.getByLabel(/^Amount/).fill(amount);
    await form.getByRole("button", { name: "Pay" }).click();
    await payAtGateway(page, { heading: "Test Stripe checkout", button: "Pay now" }, toPay, newBalance);
    return Number(/\/funds\/payments\/(\d+)$/.exec(page.url())![1]);
  };
  const paymentId = await payByCard("10", "10.30 USD", new Decimal(10));

  // The admin takes 8 of it for something else; then the card payment is disputed.
  const adminPage = await (await browser.newContext()).newPage();
  await signIn(adminPage, admin.email, admin.password);
  await adminPage.goto(`/admin/users?q=${encodeURIComponent(disputed.email)}`);
  await adminPage.getByRole("link", { name: disputed.email }).click();
  const deduct = adminPage.getByTestId("deduct-funds-form");
  await deduct.getByLabel(/Amount to deduct/).fill("8");
  await deduct.getByLabel("Reason for the deduction").fill("e2e: spent elsewhere");
  await deduct.getByRole("button", { name: "Deduct funds" }).click();
  await adminPage.getByRole("alertdialog", { name: "Deduct funds?" }).getByRole("button", { name: "Yes, deduct" }).click();
  await expect(deduct.getByTestId("form-message")).toContainText("Balance now $2.00");
  const stripe = await adminPage.request.post(`${process.env.STRIPE_API_BASE}/test/disputes?payment=${paymentId}`);
  expect(await stripe.json()).toEqual({ status: 200 });

  // Not covered: the queue says so; taking it back now is refused beside the form, the reason kept.
  await adminPage.goto("/admin/payments/review");
  const queued = adminPage.getByTestId(`review-${paymentId}`);
  await expect(queued).toContainText("10.000000 not debited, the balance does not cover it");
  await queued.getByLabel("Reason").fill("e2e: card disputed");
  await queued.getByRole("button", { name: "Take back $10.00 now" }).click();
  await expect(queued.getByRole("alert")).toContainText("The customer's balance (2.000000) does not cover 10.000000: nothing was taken.");
  await expect(queued.getByLabel("Reason")).toHaveValue("e2e: card disputed");
  await check(adminPage, "review-chargeback");

  // The customer pays in again; from the payment's page the chargeback is taken back, once.
  await payByCard("20", "20.60 USD", new Decimal(22));
  await adminPage.goto(`/admin/payments/${paymentId}`);
  await expect(adminPage.getByRole("heading", { name: "Chargeback not taken back: $10.00" })).toBeVisible();
  await check(adminPage, "payment-chargeback-owed");
  const collect = adminPage.getByTestId(`review-form-${paymentId}`);
  await collect.getByLabel("Reason").fill("e2e: paid in again");
  await collect.getByRole("button", { name: "Take back $10.00 now" }).click();
  // The page re-renders from what was written: the chargeback in the ledger, nothing left to take.
  await expect(adminPage.getByRole("button", { name: /Take back/ })).toHaveCount(0);
  await expect(adminPage.getByText("Payment reversed -$10.00")).toBeVisible();
  await adminPage.reload();
  await expect(adminPage.getByRole("button", { name: /Take back/ })).toHaveCount(0);
  await expect(adminPage.getByTestId("payment-events")).toContainText("took back 10.000000");
  await expect(adminPage.getByText(/taken back later: 10\.000000/)).toBeVisible();
  await check(adminPage, "payment-chargeback-taken");
  expect(await balance(page)).toEqual(new Decimal(12));
  await adminPage.context().close();
});

test("a customer pays with crypto through a Cryptomus invoice", async ({ page }) => {
  await signIn(page, customer.email, customer.password);
  const before = await balance(page);
  await page.goto("/funds/add");
  const form = page.getByTestId("add-funds-form");
  await form.getByLabel("Payment method").selectOption({ label: `${CRYPTO} (USD)` });
  await form.getByLabel(/^Amount/).fill("20");
  await form.getByRole("button", { name: "Pay" }).click();
  await payAtGateway(page, { heading: "Test Cryptomus invoice", button: "Pay invoice" }, "20.00 USD", before.plus(20));
});

test("a manual transfer waits for an admin, whose approval the customer's page shows by itself", async ({ page, browser }) => {
  await signIn(page, customer.email, customer.password);
  const before = await balance(page);
  await page.goto("/funds/add");
  const form = page.getByTestId("add-funds-form");
  await form.getByLabel("Payment method").selectOption({ label: `${BANK} (USD)` });
  await expect(form.getByTestId("manual-instructions")).toContainText("IBAN DE00 1234 5678 9000");
  await form.getByLabel(/^Amount/).fill("50");
  await form.getByRole("button", { name: "Submit transfer" }).click();
  await expect(page.locator("#reference-error")).toContainText("reference");
  await expect(form.getByLabel(/^Amount/)).toHaveValue("50");
  await form.getByLabel("Transfer reference").fill(`SEPA ${tag}`);
  await form.getByRole("button", { name: "Submit transfer" }).click();
  await expect(page).toHaveURL(/\/funds\/payments\/\d+$/);
  const paymentId = Number(page.url().split("/").pop());
  await expect(page.getByTestId("payment-status")).toContainText("waiting");
  await expect(page.getByTestId("manual-instructions")).toBeVisible();
  await check(page, "payment-waiting");

  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, admin.email, admin.password);
  await adminPage.goto("/admin/payments/review");
  const card = adminPage.getByTestId(`review-${paymentId}`);
  await expect(card).toContainText(`SEPA ${tag}`);
  await check(adminPage, "admin-review");
  await card.getByRole("button", { name: "Approve and credit" }).click();
  await expect(card.getByRole("alert")).toContainText("Say why.");
  await card.getByLabel("Reason").fill("Seen on the bank statement");
  await card.getByRole("button", { name: "Approve and credit" }).click();
  await expect(adminPage.getByTestId(`review-${paymentId}`)).toHaveCount(0);

  // The customer's page, untouched, turns paid with the new balance.
  await expect(page.getByTestId("payment-status")).toContainText("Paid", { timeout: 15_000 });
  await expect(page.getByTestId("new-balance")).toContainText(before.plus(50).toFixed(2));

  await adminPage.goto(`/admin/payments?state=paid&customer=${encodeURIComponent(customer.email)}`);
  await expect(adminPage.getByTestId(`staff-payment-${paymentId}`)).toContainText("Paid");
  await expect(adminPage.getByTestId("payment-totals")).toContainText(BANK);
  await check(adminPage, "admin-log");
  await adminPage.goto(`/admin/payments/${paymentId}`);
  await expect(adminPage.getByTestId("payment-events")).toContainText("admin.approve");
  await check(adminPage, "admin-payment");

  // The same transfer submitted again, its reference typed differently: the queue warns, and
  // approving needs the admin to tick that they checked; rejecting does not.
  await page.goto("/funds/add");
  await form.getByLabel("Payment method").selectOption({ label: `${BANK} (USD)` });
  await form.getByLabel(/^Amount/).fill("50");
  await form.getByLabel("Transfer reference").fill(` sepa-${tag.toLowerCase()} `);
  await form.getByRole("button", { name: "Submit transfer" }).click();
  await expect(page).toHaveURL(/\/funds\/payments\/\d+$/);
  const againId = Number(page.url().split("/").pop());
  await adminPage.goto("/admin/payments/review");
  const again = adminPage.getByTestId(`review-${againId}`);
  await expect(adminPage.getByTestId(`duplicate-reference-${againId}`)).toHaveText(`Same reference as payment #${paymentId} (credited): one transfer may be credited twice.`);
  await again.getByLabel("Reason").fill("looks like the same transfer");
  await again.getByRole("button", { name: "Approve and credit" }).click();
  await expect(again.getByRole("alert")).toContainText(`is also on payment #${paymentId} (credited)`);
  await expect(again.getByLabel("Reason")).toHaveValue("looks like the same transfer");
  await check(adminPage, "admin-review-duplicate");
  await again.getByRole("button", { name: "Reject" }).click();
  await expect(adminPage.getByTestId(`review-${againId}`)).toHaveCount(0);
  await adminContext.close();

  await page.goto("/funds");
  // Newest first: the rejected copy with the admin's reason, then the credited transfer.
  await expect(page.getByTestId("payment-row").first()).toContainText("Rejected");
  await expect(page.getByTestId("payment-row").first()).toContainText("looks like the same transfer");
  await expect(page.getByTestId("payment-row").nth(1)).toContainText("Paid");
  await expect(page.getByTestId("ledger-row").first()).toContainText("Payment");
  await check(page, "funds-after");
});

test("customers cannot reach the payment admin pages or another customer's payment", async ({ page }) => {
  await signIn(page, E2E_ACCOUNTS.victim.email, E2E_ACCOUNTS.victim.password);
  const response = await page.goto("/admin/payments");
  expect(response?.status()).toBe(404);
  const other = await page.request.get("/api/payments/status/1");
  expect(other.status()).toBe(404);
  expect(await other.json()).toEqual({ error: "No such payment." });
  expect((await page.goto("/funds/payments/1"))?.status()).toBe(404);
});
