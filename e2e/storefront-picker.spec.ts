// The service picker at real size: a second provider with 10,000 services is registered and
// synced for this file only (and switched off afterwards). The page stays small because the
// catalog never reaches the browser; searching by name or id and choosing with the keyboard work.
import { expect, test } from "@playwright/test";
import { closeDb, getDb } from "../lib/db/connection";
import { ensureSimulatorProvider } from "../lib/demo/demo-setup";
import { startSimulator, type SimulatorHandle } from "../lib/upstream/simulator";
import { E2E_ACCOUNTS } from "./accounts";
import { screenshot, signIn } from "./helpers";
import { chooseService, expectNoSeriousAxeViolations } from "./storefront-helpers";

const { customer } = E2E_ACCOUNTS;
const BIG = "E2E big catalog";
let sim: SimulatorHandle;
let bigServiceId = 0;

test.describe.configure({ mode: "serial" });
test.setTimeout(180_000);

test.beforeAll(async () => {
  test.setTimeout(300_000);
  sim = await startSimulator({ port: 0, seed: 99, services: 10_000, products: 0, apiKey: "big-sim-key", balance: "100000" });
  const db = await getDb();
  await ensureSimulatorProvider(db, BIG, { url: sim.url, key: "big-sim-key" }, "25");
  await db.provider.update({ where: { name: BIG }, data: { enabled: true } });
  const provider = await db.provider.findUniqueOrThrow({ where: { name: BIG } });
  const service = await db.service.findFirstOrThrow({ where: { providerId: provider.id, type: "Default" }, orderBy: { id: "desc" } });
  bigServiceId = service.id;
  expect(await db.service.count({ where: { enabled: true, provider: { enabled: true } } })).toBeGreaterThanOrEqual(10_000);
});

test.afterAll(async () => {
  const db = await getDb();
  await db.provider.updateMany({ where: { name: BIG }, data: { enabled: false } });
  await closeDb();
  await sim?.close();
});

test("with 10,000 services the order and catalog pages stay under 300 KB", async ({ page }) => {
  await signIn(page, customer.email, customer.password);
  for (const path of ["/new-order", `/new-order?service=${bigServiceId}`, "/services", "/services?sort=price_desc&page=3"]) {
    const response = await page.request.get(path);
    expect(response.status()).toBe(200);
    const size = (await response.body()).length;
    console.log(`${path}: ${(size / 1024).toFixed(1)} KB of HTML`);
    expect(size).toBeLessThanOrEqual(300 * 1024);
  }
  await page.goto("/services");
  await expect(page.locator("main")).toContainText(/\d{1,3}(,\d{3})+ services/);
});

test("the picker searches 10,000 services on the server by name and by id, keyboard only", async ({ page }) => {
  await signIn(page, customer.email, customer.password);
  await page.goto("/new-order");
  // By name, typed straight onto the closed picker (the search's code loads meanwhile; no keystroke
  // is lost): at most 50 matches come back.
  await page.getByRole("combobox", { name: "Service", exact: true }).focus();
  await page.keyboard.type("Instagram Likes");
  await expect(page.getByRole("combobox", { name: "Search services by name or id" })).toHaveValue("Instagram Likes");
  const options = page.locator('[data-testid^="service-option-"]');
  await expect(options.first()).toContainText("Instagram Likes");
  expect(await options.count()).toBeLessThanOrEqual(50);
  await expect(page.getByText("The first 50 matches; type more to narrow.")).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, "new-order-picker-open");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("service-summary")).toBeVisible();
  // By id, with the keyboard only, among 10,000.
  await chooseService(page, bigServiceId);
  await expect(page.getByLabel("Quantity", { exact: true })).toBeVisible();
  await screenshot(page, "new-order-picker-chosen");
  // A category narrows the search.
  await page.getByLabel("Category").selectOption({ index: 2 });
  const category = (await page.getByLabel("Category").locator("option:checked").innerText()).replace(/ \(\d+\)$/, "");
  await page.getByRole("combobox", { name: "Service", exact: true }).click();
  await expect(options.first()).toBeVisible();
  const names = await options.allInnerTexts();
  expect(names.every((name) => name.includes(category))).toBe(true);
});
