// Staff pages against a real upstream: a simulator started here, added as a provider through
// the form, checked, synced, priced; a customer credited; customers refused.
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { startSimulator, type SimulatorHandle } from "../lib/upstream/simulator";
import { E2E_ACCOUNTS } from "./accounts";
import { screenshot as fullPageScreenshot, signIn, signOut, signUp } from "./helpers";

const { admin, customer } = E2E_ACCOUNTS;
const SIM_KEY = "admin-spec-secret-key-42";
const CUSTOMER_PASSWORD = "a-good-password-1";
let sim: SimulatorHandle;

/** The whole page, and the first screen at full size (long tables shrink too much to judge). */
async function screenshot(page: Page, name: string) {
  await fullPageScreenshot(page, name);
  await page.screenshot({ path: `test-results/screens/${name}-top.png` });
}
// One story in steps: the provider added first is priced, ordered from and resolved later.
test.describe.configure({ mode: "serial" });
const story = { providerId: "", customerEmail: "" };

test.beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 21, services: 30, products: 3, apiKey: SIM_KEY, balance: "4321.5" });
});
test.afterAll(async () => {
  await sim?.close();
});

/** Fills and submits the add-provider form: this spec's simulator unless `fields` say otherwise. */
async function addProvider(page: Page, name: string, fields: { url?: string; exchangeRate?: string } = {}) {
  const form = page.getByTestId("add-provider-form");
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("API URL").fill(fields.url ?? sim.url);
  await form.getByLabel("API key").fill(SIM_KEY);
  if (fields.exchangeRate !== undefined) await form.getByLabel("Exchange rate").fill(fields.exchangeRate);
  await form.getByRole("button", { name: "Add provider" }).click();
}

test("admin adds a provider, checks its balance, syncs its catalog and fixes a service price", async ({ page }) => {
  const name = `Spec sim ${Date.now().toString(36)}`;
  await signIn(page, admin.email, admin.password);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Providers" }).click();
  await expect(page.getByRole("heading", { name: "Providers" })).toBeVisible();

  // Bad input: errors beside the fields, what was typed kept — except the key, which never comes back.
  const form = page.getByTestId("add-provider-form");
  await addProvider(page, name, { url: "not a url", exchangeRate: "-2" });
  await expect(page.locator("#url-error")).toContainText("full API URL");
  await expect(page.locator("#exchangeRate-error")).toContainText("positive decimal");
  await expect(form.getByLabel("Name")).toHaveValue(name);
  await expect(form.getByLabel("API key")).toHaveValue("");
  expect(await page.content()).not.toContain(SIM_KEY);
  await expect(page.getByTestId(`provider-${name}`)).toHaveCount(0);

  await addProvider(page, name, { exchangeRate: "1" });
  await expect(form.getByTestId("form-message")).toContainText(`Provider ${name} added`);
  const card = page.getByTestId(`provider-${name}`);
  await expect(card).toContainText("not checked");
  expect(await page.content()).not.toContain(SIM_KEY);

  await card.getByRole("button", { name: "Check" }).click();
  await expect(card.getByTestId("check-feedback")).toHaveText("Balance 4321.5 USD · 30 services · 3 products.");
  await expect(card).toContainText("$4,321.50");
  await expect(card).toContainText(/checked (just now|\d+ (s|sec|min)\w* ago)/);

  await card.getByLabel("Markup").fill("lots");
  await card.getByRole("button", { name: "Sync catalog" }).click();
  await expect(card.getByRole("alert")).toContainText("Enter a markup such as 25%");
  await expect(card.getByLabel("Markup")).toHaveValue("lots");
  await card.getByLabel("Markup").fill("40%");
  await card.getByRole("button", { name: "Sync catalog" }).click();
  await expect(card.getByTestId("sync-feedback")).toContainText("Services: 30 new, 0 updated, 0 no longer listed.");
  await expect(card).toContainText("of 30");
  await screenshot(page, "admin-providers");

  // The overview's upstream funds come from the remembered balance.
  await page.goto("/admin");
  await expect(page.getByRole("listitem").filter({ hasText: name })).toContainText("$4,321.50");

  await page.goto("/admin/providers");
  await page.getByTestId(`provider-${name}`).getByRole("link", { name: /enabled of 30/ }).click();
  await expect(page).toHaveURL(/\/admin\/services\?providerId=\d+/);
  story.providerId = new URL(page.url()).searchParams.get("providerId")!;
  const row = page.locator("tbody tr").filter({ hasText: "markup 40%" }).first();
  const rowId = (await row.getAttribute("data-testid"))!;
  const target = page.getByTestId(rowId);
  const upstreamRate = (await target.getByTestId("upstream-rate").innerText()).trim();
  expect(upstreamRate).toMatch(/^\d+(\.\d+)? USD$/);

  await target.getByLabel("New sell rate").fill("1,5");
  await target.getByRole("button", { name: "Set price" }).click();
  await expect(target.getByRole("alert")).toHaveText("Enter a price such as 1.25.");
  await expect(target.getByLabel("New sell rate")).toHaveValue("1,5");
  await expect(target.getByTestId("sell-rate")).toContainText("markup 40%");

  await target.getByLabel("New sell rate").fill("7.25");
  await target.getByRole("button", { name: "Set price" }).click();
  await expect(target.getByTestId("sell-rate")).toContainText("$7.25");
  await expect(target.getByTestId("sell-rate")).toContainText("fixed price");
  await expect(target.getByRole("status")).toContainText("Price set to 7.250000");
  await screenshot(page, "admin-services");

  // Fixed prices can be filtered, and survive another sync.
  await page.goto("/admin/providers");
  await page.getByTestId(`provider-${name}`).getByRole("button", { name: "Sync catalog" }).click();
  await expect(page.getByTestId(`provider-${name}`).getByTestId("sync-feedback")).toContainText("0 new, 30 updated");
  await page.goto(`/admin/services?override=yes&search=${rowId.replace("service-row-", "")}`);
  await expect(page.getByTestId(rowId).getByTestId("sell-rate")).toContainText("$7.25");

  // Back to markup pricing: the row leaves the "fixed price" view and shows the markup again.
  await page.getByTestId(rowId).getByRole("button", { name: "Use markup" }).click();
  await expect(page.getByTestId(rowId)).toHaveCount(0);
  await page.goto(`/admin/services?search=${rowId.replace("service-row-", "")}`);
  await expect(page.getByTestId(rowId).getByTestId("sell-rate")).toContainText("markup 40%");

  await page.goto("/admin/products");
  await expect(page.getByRole("heading", { name: "Products" })).toBeVisible();
  await screenshot(page, "admin-products");
});

test("admin credits a customer and sees the ledger entry and the new balance", async ({ page }) => {
  // A customer of this test's own, so that no other test's balance is touched.
  const email = `credit-${Date.now()}@panel.test`;
  story.customerEmail = email;
  await signUp(page, email, CUSTOMER_PASSWORD);
  await signOut(page);

  await signIn(page, admin.email, admin.password);
  await page.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  await page.getByTestId(`user-row-${email}`).getByRole("link", { name: email }).click();
  await expect(page.getByRole("heading", { name: email })).toBeVisible();
  await expect(page.getByTestId("stat-balance")).toHaveText("$0.00");

  const form = page.getByTestId("credit-funds-form");
  await form.getByLabel("Amount (USD)").fill("12.3456789");
  await form.getByRole("button", { name: "Add funds" }).click();
  await page.getByRole("alertdialog", { name: "Add funds?" }).getByRole("button", { name: "Yes, add funds" }).click();
  await expect(page.locator("#amount-error")).toHaveText("Use at most 6 decimals.");
  await expect(page.locator("#reason-error")).toHaveText("Say why the funds are added.");
  await expect(form.getByLabel("Amount (USD)")).toHaveValue("12.3456789");
  await expect(page.getByTestId("stat-balance")).toHaveText("$0.00");

  await form.getByLabel("Amount (USD)").fill("12.345678");
  await form.getByLabel("Reason").fill("Bank transfer E2E-1");
  await form.getByRole("button", { name: "Add funds" }).click();
  // One-click money actions ask first; Cancel sends nothing.
  const confirm = page.getByRole("alertdialog", { name: "Add funds?" });
  await expect(confirm).toContainText(`Add 12.345678 USD to ${email}'s balance`);
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(page.getByTestId("stat-balance")).toHaveText("$0.00");
  await form.getByRole("button", { name: "Add funds" }).click();
  await page.getByRole("alertdialog", { name: "Add funds?" }).getByRole("button", { name: "Yes, add funds" }).click();
  await expect(form.getByTestId("form-message")).toHaveText("Added $12.345678. Balance now $12.345678.");
  await expect(page.getByTestId("stat-balance")).toHaveText("$12.345678");
  const entry = page.getByTestId("ledger").locator("tbody tr").first();
  await expect(entry).toContainText("Funds added");
  await expect(entry).toContainText("+$12.345678");
  await expect(entry).toContainText("Bank transfer E2E-1");
  await expect(entry).toContainText(admin.email);
  await expect(form.getByLabel("Amount (USD)")).toHaveValue("");
  await screenshot(page, "admin-user-detail");

  await page.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  // Lists show cents; the exact balance is on hover.
  await expect(page.getByTestId(`user-row-${email}`)).toContainText("$12.34");
  await expect(page.getByTestId(`user-row-${email}`).getByTitle("Exactly $12.345678")).toBeVisible();
});

test("an order whose upstream answer was lost is resolved by an admin as not placed, refunded once", async ({ page, browser }) => {
  expect(story.providerId, "needs the provider of the first test").not.toBe("");
  // A cheap plain service of our provider, so that the credited customer can afford it.
  await signIn(page, admin.email, admin.password);
  await page.goto(`/admin/services?providerId=${story.providerId}&enabled=yes`);
  const row = page.locator("tbody tr").filter({ has: page.getByTestId("item-detail").getByText("Default", { exact: true }) }).first();
  const serviceRow = (await row.getAttribute("data-testid"))!;
  const serviceId = serviceRow.replace("service-row-", "");
  await row.getByLabel("New sell rate").fill("0.01");
  // Likely below the upstream cost: confirmed on purpose, as the test needs a cheap service.
  await row.getByLabel("sell below cost").check();
  await row.getByRole("button", { name: "Set price" }).click();
  await expect(page.getByTestId(serviceRow).getByTestId("sell-rate")).toContainText("$0.01");

  // The customer orders it; the simulator creates the order but the answer is lost.
  sim.setFault("add", { type: "create-then-drop", times: 1 });
  const customerContext = await browser.newContext();
  const customerPage = await customerContext.newPage();
  await signIn(customerPage, story.customerEmail, CUSTOMER_PASSWORD);
  await customerPage.goto(`/new-order?service=${serviceId}`);
  const min = Number(/min (\d+)/.exec(await customerPage.getByTestId("service-summary").innerText())![1]);
  await customerPage.getByLabel("Link").fill("https://instagram.com/p/admin-e2e");
  await customerPage.getByLabel("Quantity", { exact: true }).fill(String(min));
  await customerPage.getByRole("button", { name: "Place order" }).click();
  await expect(customerPage.getByTestId("form-message").or(customerPage.getByTestId("form-error"))).toBeVisible();
  await customerContext.close();
  expect(sim.orders()).toHaveLength(1);

  await page.goto("/admin/orders");
  const orderRow = page.locator('[data-testid^="order-row-"]').filter({ hasText: story.customerEmail }).first();
  await expect(orderRow).toContainText("unknown");
  await expect(orderRow).toContainText("flagged");
  const orderId = (await orderRow.getAttribute("data-testid"))!.replace("order-row-", "");
  await screenshot(page, "admin-orders");

  await page.getByRole("link", { name: /To resolve \(\d+\)/ }).click();
  const card = page.getByTestId(`to-resolve-${orderId}`);
  await expect(card).toContainText(story.customerEmail);
  await expect(card).toContainText("submit unanswered");
  // Bad id: message beside the field, nothing changes.
  await card.getByLabel("Provider's order id").fill("12 34");
  await card.getByRole("button", { name: "Placed upstream" }).click();
  await expect(page.locator(`#upstream-id-${orderId}-error`)).toContainText("Letters, digits");
  await expect(card.getByLabel("Provider's order id")).toHaveValue("12 34");
  await screenshot(page, "admin-orders-resolve");

  await card.getByRole("button", { name: "Not placed: fail and refund" }).click();
  await page.getByRole("alertdialog", { name: `Fail and refund order #${orderId}?` }).getByRole("button", { name: "Yes, fail and refund" }).click();
  // The order leaves the queue for the "resolved" list, which says what was done.
  await expect(page.getByTestId(`to-resolve-${orderId}`)).toHaveCount(0);
  await expect(page.getByTestId(`resolved-${orderId}`)).toContainText("not placed upstream; charge refunded");
  await expect(page.getByTestId(`resolved-${orderId}`)).toContainText("failed");
  await screenshot(page, "admin-orders-resolved");

  // The customer's ledger: credit, charge, refund; the balance is back where it was.
  await page.goto("/admin/users?q=" + encodeURIComponent(story.customerEmail));
  await page.getByRole("link", { name: story.customerEmail }).click();
  await expect(page.getByTestId("stat-balance")).toHaveText("$12.345678");
  const kinds = await page.getByTestId("ledger").locator("tbody tr td:nth-child(2)").allInnerTexts();
  expect(kinds).toEqual(["Refund: order not placed", "Order charge", "Funds added"]);
  await expect(page.getByTestId("ledger").locator("tbody tr").first()).toContainText(admin.email);

  await page.goto(`/admin/orders?view=flagged`);
  await expect(page.getByTestId(`flagged-${orderId}`)).toHaveCount(0);
});

test("staff see the pages but cannot change money or configuration, even by posting directly", async ({ page, browser }) => {
  expect(story.customerEmail, "needs the customer of the credit test").not.toBe("");
  const staffEmail = `staff-${Date.now()}@panel.test`;
  await signUp(page, staffEmail, CUSTOMER_PASSWORD);
  await signOut(page);

  // The admin makes the new account staff, and opens the customer's page to capture the credit form.
  await signIn(page, admin.email, admin.password);
  await page.goto(`/admin/users?q=${encodeURIComponent(staffEmail)}`);
  const staffRow = page.getByTestId(`user-row-${staffEmail}`);
  await staffRow.getByLabel("Role").selectOption("staff");
  await staffRow.getByRole("button", { name: "Set role" }).click();
  await expect(staffRow).toContainText("staff");
  await page.goto(`/admin/users?q=${encodeURIComponent(story.customerEmail)}`);
  await page.getByRole("link", { name: story.customerEmail }).click();
  await expect(page).toHaveURL(/\/admin\/users\/\d+$/);
  const detailUrl = page.url();
  // Without JavaScript the form carries the action's id in hidden fields, as the server rendered it.
  const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const rawPage = await noScript.newPage();
  await rawPage.goto(detailUrl);
  const form = rawPage.getByTestId("credit-funds-form");
  await form.getByLabel("Amount (USD)").fill("1000");
  await form.getByLabel("Reason").fill("forged");
  const fields = await form.evaluate((f: HTMLFormElement) =>
    Array.from(new FormData(f).entries()).map(([k, v]) => [k, String(v)] as [string, string]),
  );
  await noScript.close();
  expect(fields.some(([k]) => k.startsWith("$ACTION"))).toBe(true);

  const staffContext = await browser.newContext();
  const staffPage = await staffContext.newPage();
  await signIn(staffPage, staffEmail, CUSTOMER_PASSWORD);
  await staffPage.goto(detailUrl);
  await expect(staffPage.getByText("Only an admin can add funds.")).toBeVisible();
  await expect(staffPage.getByTestId("credit-funds-form")).toHaveCount(0);
  // The browser script fills the form's idempotency key (lib/actions/run-once.ts); a forged post brings its own.
  const withKey = () => ({ ...Object.fromEntries(fields), idempotencyKey: randomUUID() });
  await staffPage.request.post(new URL(detailUrl).pathname, { multipart: withKey(), headers: { origin: new URL(detailUrl).origin } });

  await staffPage.goto("/admin/providers");
  await expect(staffPage.getByText("Only an admin can add providers.")).toBeVisible();
  await expect(staffPage.getByRole("button", { name: "Sync catalog" })).toHaveCount(0);
  // A check writes the remembered balance and makes the server call out: admins only (issue 12).
  await expect(staffPage.getByRole("button", { name: "Check" })).toHaveCount(0);
  await staffPage.goto("/admin/services");
  await expect(staffPage.getByRole("columnheader", { name: "Upstream cost" })).toBeVisible();
  await expect(staffPage.getByRole("button", { name: "Set price" })).toHaveCount(0);
  await screenshot(staffPage, "admin-services-as-staff");
  await staffContext.close();

  await page.reload();
  await expect(page.getByTestId("stat-balance")).toHaveText("$12.345678");
  await expect(page.getByTestId("ledger")).not.toContainText("forged");

  // Control: the same request from the admin does credit, so the refusal above came from the
  // role check inside the action, not from a malformed request.
  await page.request.post(new URL(detailUrl).pathname, { multipart: withKey(), headers: { origin: new URL(detailUrl).origin } });
  await page.reload();
  await expect(page.getByTestId("stat-balance")).toHaveText("$1,012.345678");
  await expect(page.getByTestId("ledger")).toContainText("forged");
});

test("a customer opening the staff pages gets 404", async ({ page }) => {
  await signIn(page, customer.email, customer.password);
  for (const path of ["/admin/providers", "/admin/services", "/admin/products", "/admin/orders", "/admin/users/1"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
});
