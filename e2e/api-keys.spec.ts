import { expect, test } from "@playwright/test";
import { E2E_ACCOUNTS } from "./accounts";
import { screenshot, signIn } from "./helpers";

const { customer } = E2E_ACCOUNTS;

test("a customer creates an API key (shown once), uses it, revokes it, and the same call is refused", async ({ page }) => {
  await signIn(page, customer.email, customer.password);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API", exact: true }).click();
  await expect(page).toHaveURL(/\/api-keys$/);
  await expect(page.getByRole("heading", { name: "API", exact: true })).toBeVisible();

  // A blank name is refused beside the field, and nothing is created.
  await page.getByLabel("Key name").fill("   ");
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.locator("#name-error")).toHaveText("Give the key a name.");
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);

  const name = `e2e key ${Date.now()}`;
  await page.getByLabel("Key name").fill(name);
  await page.getByRole("button", { name: "Create key" }).click();
  const shown = page.getByTestId("new-api-key");
  await expect(shown).toHaveText(/^rp_[A-Za-z0-9_-]{43}$/);
  const key = (await shown.textContent())!.trim();
  const row = page.getByTestId("api-key-row").filter({ hasText: name });
  await expect(row).toContainText("Active");
  await expect(row).toContainText(`${key.slice(0, 11)}…`);
  await expect(row.locator("td").nth(3)).toHaveText("never");
  await page.screenshot({ path: "test-results/screens/api-keys-created.png" });

  const balance = await page.request.post("/api/v2", { form: { key, action: "balance" } });
  expect(balance.status()).toBe(200);
  expect(await balance.json()).toEqual({ balance: expect.stringMatching(/^\d+\.\d{6}$/), currency: "USD" });
  // A short answer is sent as it is (gzip would cost more than it saves); the catalog is compressed.
  const gzip = { "accept-encoding": "gzip, deflate" };
  const small = await page.request.post("/api/v2", { form: { key, action: "balance" }, headers: gzip });
  expect(small.headers()["content-encoding"]).toBeUndefined();
  const services = await page.request.post("/api/v2", { form: { key, action: "services" }, headers: gzip });
  expect(services.headers()["content-encoding"]).toBe("gzip");
  expect((await services.json()).length).toBeGreaterThan(0);

  // Shown once: after a reload the key is nowhere on the page; its use is recorded.
  await page.reload();
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);
  await expect(page.locator("body")).not.toContainText(key);
  await expect(row.locator("td").nth(3)).toHaveText(/just now|ago/);

  // The documentation is there, generated from the endpoint's own definitions.
  await page.getByTestId("api-doc-add").locator("summary").click();
  await expect(page.getByTestId("api-doc-add").getByText("Mentions with Hashtags", { exact: true })).toBeVisible();
  await expect(page.getByTestId("curl-balance")).toContainText("-d action=balance");
  await expect(page.getByTestId("api-doc-status")).toContainText("Incorrect order ID");

  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button")).toHaveCount(0);

  const refused = await page.request.post("/api/v2", { form: { key, action: "balance" } });
  expect(refused.status()).toBe(200);
  expect(await refused.json()).toEqual({ error: "Invalid API key" });
  await screenshot(page, "api-keys-revoked");
});

test("the API answers bad requests with protocol errors, never an error page", async ({ request }) => {
  const unknown = await request.post("/api/v2", { form: { key: "rp_nope", action: "balance" } });
  expect(unknown.status()).toBe(200);
  expect(await unknown.json()).toEqual({ error: "Invalid API key" });
  const get = await request.get("/api/v2");
  expect(get.status()).toBe(405);
  expect(await get.json()).toEqual({ error: "Incorrect request: use POST" });
  const json = await request.post("/api/v2", { data: { key: "rp_nope", action: "balance" } });
  expect(await json.json()).toEqual({ error: "Invalid API key" });
});

test("POST /api/v2/ (trailing slash) is answered like /api/v2, never redirected; pages with a slash still redirect", async ({ page, request }) => {
  await signIn(page, customer.email, customer.password);
  await page.goto("/api-keys");
  await page.getByLabel("Key name").fill(`slash key ${Date.now()}`);
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("new-api-key").textContent())!.trim();

  // PHP's curl does not follow a redirect of a POST: the API must answer at the slash itself.
  const slash = await request.post("/api/v2/", { form: { key, action: "balance" }, maxRedirects: 0 });
  expect(slash.status()).toBe(200);
  expect(await slash.json()).toEqual({ balance: expect.stringMatching(/^\d+\.\d{6}$/), currency: expect.any(String) });
  // key and action in the query string of a POST, as PHP panels read $_REQUEST.
  const query = await request.post(`/api/v2?key=${encodeURIComponent(key)}&action=balance`, { form: {}, maxRedirects: 0 });
  expect(await query.json()).toMatchObject({ balance: expect.any(String) });

  // Every other path keeps one address: a trailing slash is redirected (308) to the path without it, query kept.
  const signInSlash = await request.get("/sign-in/?from=x", { maxRedirects: 0 });
  expect(signInSlash.status()).toBe(308);
  expect(new URL(signInSlash.headers()["location"], "http://x").pathname + new URL(signInSlash.headers()["location"], "http://x").search).toBe("/sign-in?from=x");
  const apiOther = await request.post("/api/v2/x/", { form: { key, action: "balance" }, maxRedirects: 0 });
  expect(apiOther.status()).toBe(308);
  await page.goto("/orders/");
  await expect(page).toHaveURL(/\/orders$/);
});
