// The owner's controls in the browser: the staff overview (balances, refresh, cover ratio), users
// search and deduct, orders search and manual refund, the audit log of those changes, reports
// (chart, CSV), with axe and screenshots at 1280 and 390 px. Its own accounts and orders, seeded
// here, so that the other specs' balances are untouched.
import { expect, test, type Page } from "@playwright/test";
import { closeDb, getDb } from "../lib/db/connection";
import { creditFunds } from "../lib/ledger/credit-funds";
import { seedAccounts } from "../lib/demo/seed-accounts";
import { createChargedOrder, settleTestOrder } from "../lib/testing/fixtures";
import { E2E_ACCOUNTS } from "./accounts";
import { screenshot, signIn, signOut, looksRight } from "./helpers";

const { admin } = E2E_ACCOUNTS;
const staff = { email: "owner-e2e-staff@panel.test", password: "staff-pass-12345", role: "staff" as const };
const buyer = { email: "owner-e2e-buyer@panel.test", password: "buyer-pass-12345", role: "customer" as const };
const seeded = { buyerId: 0, orderId: 0, upstreamId: "" };

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  const db = await getDb();
  await seedAccounts(db, [staff, buyer]);
  const user = await db.user.findUniqueOrThrow({ where: { email: buyer.email } });
  seeded.buyerId = user.id;
  const credited = await creditFunds(db, { customerId: user.id, amount: "30", reason: "owner spec" });
  if (!credited.ok) throw new Error(credited.message);
  // A provider never checked: the overview must say so, not count it as zero.
  const offline = await db.provider.create({ data: { name: "Owner offline provider", apiUrl: "http://127.0.0.1:9/api/v2", apiKeyEncrypted: "none" } });
  seeded.upstreamId = `owner-${Date.now().toString(36)}`;
  seeded.orderId = await createChargedOrder(db, user.id, { charge: "4", quantity: 1000, providerId: offline.id, upstreamOrderId: seeded.upstreamId, link: "https://instagram.com/p/owner-spec" });
  await settleTestOrder(db, seeded.orderId, "completed");
  await db.order.update({ where: { id: seeded.orderId }, data: { upstreamCost: "2.5", upstreamCharge: "2.4" } });
  await closeDb();
});

test("staff overview: balances with read time, a refresh, not-checked providers, cover ratio", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, admin.email, admin.password);
  await page.goto("/admin");
  await expect(page.getByTestId("balance-Owner offline provider")).toContainText("not checked");
  await expect(page.getByTestId("balance-Owner offline provider")).toContainText("never read");
  const sim = page.getByTestId("balance-E2E simulator");
  await sim.getByRole("button", { name: /Refresh the balance/ }).click();
  // Other specs order from this simulator first, so its balance is below its starting 100000.
  await expect(sim.getByRole("status")).toContainText(/Balance now \d+(\.\d+)? USD/);
  await expect(sim).toContainText(/read (just now|\d+ \w+ ago)/);
  await expect(page.getByTestId("stat-cover-ratio")).toContainText("×");
  await expect(page.getByTestId("stat-provider-funds")).toContainText(/\$[\d,]+\.\d{2}/);
  // Providers never read (this spec's and other specs' offline ones) are named and not counted.
  const neverRead = await page.locator("[data-testid^='balance-']").filter({ hasText: "never read" }).count();
  expect(neverRead).toBeGreaterThanOrEqual(1);
  await expect(page.getByText(`Checked providers only; ${neverRead} not checked.`)).toBeVisible();
  await expect(page.getByTestId("stat-revenue-today")).not.toHaveText("");
  // The offline provider cannot answer: the reason shows beside its button.
  const offline = page.getByTestId("balance-Owner offline provider");
  await offline.getByRole("button", { name: /Refresh the balance/ }).click();
  await expect(offline.getByRole("alert")).toBeVisible();
  await looksRight(page, "owner-overview");
});

test("users: search by email part, name or id; deduct funds never below zero", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  await page.goto("/admin/users");
  await page.getByLabel("Search").fill("OWNER-E2E-BUY");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByTestId(`user-row-${buyer.email}`)).toBeVisible();
  await expect(page.getByTestId(`user-row-${admin.email}`)).toHaveCount(0);
  await page.goto(`/admin/users?q=${seeded.buyerId}`);
  await expect(page.getByTestId(`user-row-${buyer.email}`)).toBeVisible();
  await looksRight(page, "owner-users");

  await page.getByRole("link", { name: buyer.email }).click();
  const form = page.getByTestId("deduct-funds-form");
  await form.getByLabel(/Amount to deduct/).fill("30.01");
  await form.getByLabel("Reason for the deduction").fill("duplicate top-up");
  await form.getByRole("button", { name: "Deduct funds" }).click();
  await page.getByRole("alertdialog", { name: "Deduct funds?" }).getByRole("button", { name: "Yes, deduct" }).click();
  await expect(form.locator("#deductAmount-error")).toContainText("at most that much");
  await expect(form.getByLabel(/Amount to deduct/)).toHaveValue("30.01");
  await expect(form.getByLabel("Reason for the deduction")).toHaveValue("duplicate top-up");
  await form.getByLabel(/Amount to deduct/).fill("5");
  await form.getByRole("button", { name: "Deduct funds" }).click();
  const confirmDeduct = page.getByRole("alertdialog", { name: "Deduct funds?" });
  await expect(confirmDeduct).toContainText(`Take 5 USD from ${buyer.email}'s balance.`);
  await looksRight(page, "owner-confirm-deduct");
  await confirmDeduct.getByRole("button", { name: "Yes, deduct" }).click();
  await expect(form.getByTestId("form-message")).toContainText("Balance now $21.00");
  await expect(page.getByTestId("ledger")).toContainText("duplicate top-up");
  await looksRight(page, "owner-user-detail");
});

test("orders: search by our id, upstream id and link; a manual refund once, never more than charged", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  for (const q of [`#${seeded.orderId}`, seeded.upstreamId, "p/owner-spec"]) {
    await page.goto(`/admin/orders?q=${encodeURIComponent(q)}`);
    await expect(page.getByTestId(`order-row-${seeded.orderId}`), q).toBeVisible();
  }
  await page.getByLabel("Search").fill(seeded.upstreamId);
  await page.getByLabel("State").selectOption("failed");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("No order matches these filters.")).toBeVisible();
  await page.getByLabel("State").selectOption("completed");
  await page.getByRole("button", { name: "Filter" }).click();
  const row = page.getByTestId(`order-row-${seeded.orderId}`);
  await row.getByText("Refund…").click();
  const form = page.getByTestId(`refund-form-${seeded.orderId}`);
  await expect(form.getByLabel(/Amount/)).toHaveValue("4.000000");
  await form.getByLabel(/Amount/).fill("4.5");
  await form.getByLabel("Reason").fill("customer complaint");
  await form.getByRole("button", { name: "Refund to balance" }).click();
  await page.getByRole("alertdialog", { name: `Refund order #${seeded.orderId}?` }).getByRole("button", { name: "Yes, refund" }).click();
  await expect(page.locator(`#refund-amount-${seeded.orderId}-error`)).toContainText("At most 4.000000");
  await expect(form.getByLabel("Reason")).toHaveValue("customer complaint");
  await looksRight(page, "owner-orders");
  await form.getByLabel(/Amount/).fill("1.5");
  await form.getByRole("button", { name: "Refund to balance" }).click();
  const confirmRefund = page.getByRole("alertdialog", { name: `Refund order #${seeded.orderId}?` });
  await expect(confirmRefund).toContainText("Credit 1.5 back to the customer's balance");
  await looksRight(page, "owner-confirm-refund");
  await confirmRefund.getByRole("button", { name: "Yes, refund" }).click();
  // Once per order: no second refund is offered, the one made is shown instead.
  await expect(row).toContainText("Refunded $1.50 by hand");
  await expect(page.getByTestId(`refund-form-${seeded.orderId}`)).toHaveCount(0);
});

test("audit log: the deduction and the refund with who, before and after; filters", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  await page.goto("/admin/audit");
  await page.getByLabel("Action").fill("funds.debit");
  await page.getByRole("button", { name: "Filter" }).click();
  const rows = page.getByTestId("audit-rows");
  await expect(rows).toContainText("funds.debit");
  await expect(rows).toContainText(`by ${admin.email}`);
  await expect(rows).toContainText("Reason: duplicate top-up");
  await expect(rows.locator("del").first()).toHaveText("26.000000"); // 30 credited − 4 charged
  await expect(rows.locator("ins").filter({ hasText: "21.000000" })).toBeVisible();
  await page.goto(`/admin/audit?entityType=Order&entityId=${seeded.orderId}`);
  await expect(rows).toContainText("order.refund_manual");
  await expect(rows).toContainText("customer complaint");
  await page.goto(`/admin/audit?actor=${encodeURIComponent(staff.email)}`);
  await expect(page.getByText("No change matches these filters.")).toBeVisible();
  await page.goto("/admin/audit");
  await looksRight(page, "owner-audit");
});

test("reports: chart renders, grouping by provider, CSV downloads with the same totals", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  await page.goto("/admin/reports");
  await expect(page.getByTestId("report-chart").locator("svg.recharts-surface").first()).toBeVisible();
  await expect(page.getByTestId("report-chart").locator("path.recharts-rectangle").first()).toBeVisible();
  await looksRight(page, "owner-reports");
  await page.getByLabel("Group by").selectOption("provider");
  await page.getByRole("button", { name: "Filter" }).click();
  const offline = page.getByTestId("report-row-Owner offline provider");
  // Charged 4, refunded 1.5 by hand; cost 2.5; the upstream reported 2.4.
  await expect(offline).toContainText("$2.50");
  await expect(offline).toContainText("$0.00");
  await expect(offline).toContainText("$2.40");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^report-provider-\d{4}-\d\d-\d\d-to-\d{4}-\d\d-\d\d\.csv$/);
  const csv = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
  // The header is the first line (no note above it that spreadsheets would read as data).
  expect(csv.split("\r\n")[0]).toMatch(/^key,provider,orders,charged_[A-Z]{3},/);
  expect(csv).toMatch(/Owner offline provider,1,4\.000000,1\.500000,2\.500000,1,2\.500000,2\.500000,0\.000000,0,0\.000000,2\.400000,1/);
  await looksRight(page, "owner-reports-provider");
});

test("staff: may refresh balances and read reports; no deduct form; customers get no CSV", async ({ page }) => {
  await signIn(page, staff.email, staff.password);
  await page.goto("/admin");
  const sim = page.getByTestId("balance-E2E simulator");
  await sim.getByRole("button", { name: /Refresh the balance/ }).click();
  await expect(sim.getByRole("status")).toContainText("Balance now");
  await page.goto(`/admin/users/${seeded.buyerId}`);
  await expect(page.getByTestId("deduct-funds-form")).toHaveCount(0);
  await page.goto(`/admin/orders?q=${seeded.orderId}`);
  await expect(page.getByText("Refund…")).toHaveCount(0);
  const staffCsv = await page.request.get("/admin/reports/export");
  expect(staffCsv.status()).toBe(200);
  await signOut(page);
  await signIn(page, buyer.email, buyer.password);
  const refused = await page.request.get("/admin/reports/export");
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toEqual({ error: "You are not allowed to do this." });
  const anonymous = await page.context().browser()!.newContext({ baseURL: page.url() });
  // Signed out, the proxy sends the visitor to sign in before the handler's own 401.
  const signedOut = await anonymous.request.get("/admin/reports/export", { maxRedirects: 0 });
  expect([307, 401]).toContain(signedOut.status());
  expect(await signedOut.text()).not.toContain("revenue");
  await anonymous.close();
});
