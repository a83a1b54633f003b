// What a new user met in the walk-through of issue 19, in the browser: a canceled order offers no
// Refill, a Poll line can be mass-ordered, a rejected transfer shows the admin's reason and a
// "Contact support" link that leads somewhere, the payment-method form starts over after a save,
// and the audit log reads as before → after in words. Axe and screenshots at 1280 and 390 px.
// Its own customer and orders, seeded here, so that the other specs' balances are untouched.
import { expect, test, type Page } from "@playwright/test";
import { closeDb, getDb } from "../lib/db/connection";
import { seedAccounts } from "../lib/demo/seed-accounts";
import { creditFunds } from "../lib/ledger/credit-funds";
import { settleOrderStatus } from "../lib/orders";
import { createPayment } from "../lib/payments/create-payment";
import { ZCreatePaymentInput } from "../lib/payments/schemas";
import { createChargedOrder } from "../lib/testing/fixtures";
import { E2E_ACCOUNTS } from "./accounts";
import { screenshot, signIn, signOut, looksRight } from "./helpers";

const { admin } = E2E_ACCOUNTS;
const buyer = { email: "compat-e2e-buyer@panel.test", password: "buyer-pass-12345", role: "customer" as const };
const seeded = { canceledOrderId: 0, completedOrderId: 0, rejectedPaymentId: 0, pollServiceId: 0, pollMin: 0 };

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  const db = await getDb();
  await seedAccounts(db, [buyer]);
  const user = await db.user.findUniqueOrThrow({ where: { email: buyer.email }, select: { id: true, email: true } });
  const credited = await creditFunds(db, { customerId: user.id, amount: "40", reason: "compat spec" });
  if (!credited.ok) throw new Error(credited.message);

  // Two orders of a service that offers refills and cancels: one canceled upstream, one completed.
  const provider = await db.provider.findUniqueOrThrow({ where: { name: "E2E simulator" } });
  const service = await db.service.findFirstOrThrow({ where: { providerId: provider.id, refill: true, cancel: true, type: "Default" } });
  const offline = await db.provider.create({ data: { name: "Compat offline provider", apiUrl: "http://127.0.0.1:9/api/v2", apiKeyEncrypted: "none" } });
  for (const [key, status] of [["canceledOrderId", "Canceled"], ["completedOrderId", "Completed"]] as const) {
    const id = await createChargedOrder(db, user.id, { charge: "2", quantity: 1000, providerId: offline.id });
    await db.order.update({ where: { id }, data: { serviceId: service.id, nextSyncAt: new Date(Date.now() + 3_600_000) } });
    const statusClass = status === "Canceled" ? "canceled" : "completed";
    await settleOrderStatus(db, id, { status, statusClass, charge: null, remains: status === "Canceled" ? 1000 : 0 }, { nextSyncAt: new Date(Date.now() + 3_600_000) });
    seeded[key] = id;
  }
  const poll = await db.service.findFirstOrThrow({ where: { providerId: provider.id, type: "Poll", enabled: true }, select: { id: true, min: true } });
  seeded.pollServiceId = poll.id;
  seeded.pollMin = poll.min;

  // A manual transfer (the admin rejects it in the first test that needs it). The method is a
  // disabled row of configuration (the admin's form is server-only code, which this runner
  // cannot load); the payment goes through createPayment while it is briefly enabled.
  const method = await db.paymentMethod.create({
    data: { gateway: "manual", name: "Compat bank transfer", enabled: true, currency: "USD", exchangeRate: "1", minAmount: "1", maxAmount: "1000", feePercent: "0", instructions: "IBAN XX00 0000", settingsHint: {} },
  });
  const payment = await createPayment(db, user, ZCreatePaymentInput.parse({ methodId: method.id, amount: "20", reference: "COMPAT-1" }));
  if (!payment.ok) throw new Error(payment.message);
  await db.paymentMethod.update({ where: { id: method.id }, data: { enabled: false } });
  seeded.rejectedPaymentId = payment.paymentId;
  await closeDb();
});


test("a canceled order offers no Refill and no Cancel; a completed one offers Refill", async ({ page }) => {
  await signIn(page, buyer.email, buyer.password);
  await page.goto(`/orders/${seeded.canceledOrderId}`);
  await expect(page.getByTestId("order-status")).toContainText(/cancel/i);
  await expect(page.getByRole("button", { name: "Refill" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Cancel" })).toHaveCount(0);
  await looksRight(page, "compat-order-canceled");
  await page.goto(`/orders/${seeded.completedOrderId}`);
  await expect(page.getByRole("button", { name: "Refill" })).toBeEnabled();
  await signOut(page);
});

test("a Poll line is mass-ordered with its answer number as a fourth part", async ({ page }) => {
  await signIn(page, buyer.email, buyer.password);
  await page.goto("/mass-order");
  await page.getByLabel("Orders").fill(`${seeded.pollServiceId} | https://t.me/channel/5 | ${seeded.pollMin} | 2\n${seeded.pollServiceId} | https://t.me/channel/6 | ${seeded.pollMin}`);
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("preview-line-1")).toHaveAttribute("data-ok", "true");
  await expect(page.getByTestId("preview-line-2")).toContainText("needs a fourth part");
  await looksRight(page, "compat-mass-order-poll");
  await page.getByRole("button", { name: "Place 1 order" }).click();
  await expect(page.getByText(/1 placed/)).toBeVisible();
  await signOut(page);
});

test("a rejected transfer shows the admin's reason, and Contact support leads to a real page", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  await page.goto("/admin/payments/review");
  const review = page.getByTestId(`review-${seeded.rejectedPaymentId}`);
  await review.getByLabel("Reason").fill("No transfer with reference COMPAT-1 arrived");
  await review.getByRole("button", { name: "Reject" }).click();
  await expect(page.getByTestId(`review-${seeded.rejectedPaymentId}`)).toHaveCount(0);
  await signOut(page);

  await signIn(page, buyer.email, buyer.password);
  await page.goto(`/funds/payments/${seeded.rejectedPaymentId}`);
  await expect(page.getByTestId("rejection-reason")).toHaveText("Rejected by an admin: No transfer with reference COMPAT-1 arrived");
  const support = page.getByRole("link", { name: "Contact support" });
  await looksRight(page, "compat-payment-rejected");
  await support.click();
  // A ticket about this payment, its kind and payment already chosen.
  await expect(page).toHaveURL(new RegExp(`/tickets/new\\?kind=payment&payment=${seeded.rejectedPaymentId}$`));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.goto("/funds");
  await expect(page.getByTestId("payment-row").filter({ hasText: "Compat bank transfer" })).toContainText("No transfer with reference COMPAT-1 arrived");
  await signOut(page);
});

test("the payment-method form starts over after a save; the audit log shows before → after in words", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  await page.goto("/admin/payments/methods");
  const form = page.getByTestId("method-form");
  await form.getByLabel("Gateway").selectOption("manual");
  await form.getByLabel("Name shown to customers").fill("Compat wire");
  await form.getByLabel(/^Fee/).fill("7");
  await form.getByLabel("Instructions for customers").fill("Send it to IBAN XX11");
  await form.getByRole("button", { name: "Create method" }).click();
  await expect(page.getByTestId("form-message")).toContainText('Method "Compat wire" saved.');
  // The next method starts from the defaults, not from the fee just typed.
  await expect(form.getByLabel(/^Fee/)).toHaveValue("0");
  await expect(form.getByLabel("Name shown to customers")).toHaveValue("");
  await expect(form.getByLabel("Gateway")).toHaveValue("stripe");
  await looksRight(page, "compat-method-form-after-save");
  await page.getByTestId("method-Compat wire").getByRole("link", { name: "Edit" }).click();
  await expect(form.getByLabel(/^Fee/)).toHaveValue("7");
  await form.getByLabel(/^Fee/).fill("2.5");
  await form.getByRole("button", { name: "Save method" }).click();
  await expect(page.getByTestId("form-message")).toContainText("saved");
  await expect(form.getByLabel(/^Fee/)).toHaveValue("2.5");

  await page.goto("/admin/audit?action=payment_method.update");
  const rows = page.getByTestId("audit-rows");
  const change = rows.getByTestId("audit-change-feePercent").first();
  await expect(change.locator("del")).toHaveText("7");
  await expect(change.locator("ins")).toHaveText("2.5");
  await expect(rows).not.toContainText("(removed)");
  await expect(rows).not.toContainText("{");
  await looksRight(page, "compat-audit");
  await signOut(page);
});
