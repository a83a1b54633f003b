// Support in the browser: a customer opens a ticket (text with a link and markup), staff see it
// waiting in their header and answer it, the customer sees the unread answer in theirs and replies.
// Announcements from staff reach the dashboard; an admin's FAQ Markdown is shown without its raw
// HTML. axe on every new page; screenshots at 1280 and 390 px without sideways scrolling.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { E2E_ACCOUNTS } from "./accounts";
import { looksRight } from "./helpers";

const { admin, staff, customer } = E2E_ACCOUNTS;
const tag = Date.now().toString(36);
const SUBJECT = `Order not started ${tag}`;

test.describe.configure({ mode: "serial" });
// Several accounts, each page checked by axe at two widths: longer than the default minute.
test.setTimeout(240_000);

const check = (page: Page, name: string) => looksRight(page, `tickets-${name}`);

async function signedIn(browser: Browser, account: { email: string; password: string }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Signing in hashes with argon2 on a shared machine: give it longer than a plain expectation.
  await expect(page.getByTestId("signed-in-as")).toContainText(account.email, { timeout: 30_000 });
  return page;
}

test("a ticket conversation between a customer and staff", async ({ browser }) => {
  const buyer = await signedIn(browser, customer);
  await buyer.getByTestId("tickets-header-link").click();
  await expect(buyer).toHaveURL(/\/tickets$/);
  await buyer.getByRole("link", { name: "New ticket" }).click();
  await check(buyer, "new");

  // Bad input: the message beside its field, everything typed kept.
  await buyer.getByLabel("Subject").fill(SUBJECT);
  await buyer.getByRole("button", { name: "Open ticket" }).click();
  await expect(buyer.locator("#message-error")).toHaveText("Write a message.");
  await expect(buyer.getByLabel("Subject")).toHaveValue(SUBJECT);

  await buyer.getByLabel("Message").fill('My order has not started. Proof: https://example.com/proof. <b>bold?</b> javascript:alert(1)');
  await buyer.getByRole("button", { name: "Open ticket" }).click();
  await expect(buyer).toHaveURL(/\/tickets\/\d+$/);
  const ticketUrl = new URL(buyer.url()).pathname;
  const ticketId = ticketUrl.split("/").pop()!;
  const first = buyer.getByTestId("ticket-message").first();
  await expect(first).toContainText("<b>bold?</b>");
  await expect(first.locator("b")).toHaveCount(0);
  const link = first.getByRole("link", { name: "https://example.com/proof" });
  await expect(link).toHaveAttribute("rel", "noopener nofollow noreferrer");
  await expect(first.getByRole("link")).toHaveCount(1);
  await check(buyer, "conversation-customer");

  const support = await signedIn(browser, staff);
  await support.goto("/admin");
  await expect(support.getByTestId("tickets-unread")).toBeVisible();
  await support.getByTestId("tickets-header-link").click();
  await expect(support).toHaveURL(/\/admin\/tickets$/);
  await check(support, "staff-queue");
  await support.getByRole("link", { name: new RegExp(SUBJECT) }).click();
  await expect(support).toHaveURL(new RegExp(`/admin/tickets/${ticketId}$`));
  await expect(support.getByText(customer.email).first()).toBeVisible();
  await support.getByLabel("Answer", { exact: true }).fill("We pushed it to the provider; it starts within the hour.");
  await support.getByRole("button", { name: "Send answer" }).click();
  await expect(support.getByTestId("form-message")).toHaveText("Answer sent.");
  await expect(support.getByTestId("ticket-message")).toHaveCount(2);
  await expect(support.getByLabel("Answer", { exact: true })).toHaveValue("");
  await check(support, "conversation-staff");

  await buyer.goto("/dashboard");
  await expect(buyer.getByTestId("tickets-unread")).toHaveText("1");
  await buyer.goto(ticketUrl);
  await expect(buyer.getByTestId("ticket-message").nth(1)).toContainText("Support");
  await expect(buyer.getByTestId("ticket-message").nth(1)).toContainText("starts within the hour");
  await expect(buyer.getByTestId("tickets-unread")).toHaveCount(0);
  await buyer.getByLabel("Your reply").fill("Thanks, it started.");
  await buyer.getByRole("button", { name: "Send reply" }).click();
  await expect(buyer.getByTestId("ticket-message")).toHaveCount(3);
  await expect(buyer.getByText("Waiting for support")).toBeVisible();
  await buyer.goto("/tickets");
  await check(buyer, "list-customer");

  // Another customer's ticket id is a missing page.
  const other = await signedIn(browser, E2E_ACCOUNTS.victim);
  const response = await other.goto(ticketUrl);
  expect(response?.status()).toBe(404);
});

test("announcements reach the dashboard and the FAQ is Markdown without raw HTML", async ({ browser }) => {
  const owner = await signedIn(browser, admin);
  await owner.goto("/admin/content");
  await owner.getByLabel("Title").fill(`Maintenance ${tag}`);
  await owner.getByLabel("Text (Markdown)").fill("Orders **pause** tonight. <script>alert(1)</script> See [status](https://status.example.com).");
  await owner.getByRole("button", { name: "Publish announcement" }).click();
  await expect(owner.getByText("Announcement published on the dashboard.")).toBeVisible();
  await owner.getByLabel("FAQ (Markdown)").fill(`# Questions ${tag}\n\n- **How fast?** Most orders start within minutes.\n\n<img src=x onerror=alert(1)>\n\n[Contact us](/tickets/new)`);
  await owner.getByRole("button", { name: "Save FAQ" }).click();
  await expect(owner.getByText("Page saved.")).toBeVisible();
  await check(owner, "content-admin");

  const buyer = await signedIn(browser, customer);
  await buyer.goto("/dashboard");
  const news = buyer.getByTestId("announcements");
  await expect(news).toContainText(`Maintenance ${tag}`);
  await expect(news.locator("strong", { hasText: "pause" })).toBeVisible();
  await expect(news.locator("script")).toHaveCount(0);
  await expect(news.getByRole("link", { name: "status" })).toHaveAttribute("rel", "noopener nofollow noreferrer");
  await check(buyer, "dashboard");

  await buyer.goto("/account");
  await buyer.getByLabel("Low balance alert below (USD)").fill("12.1234567");
  await buyer.getByRole("button", { name: "Save notification settings" }).click();
  await expect(buyer.locator("#lowBalanceBelow-error")).toHaveText("Use at most 6 decimals.");
  await buyer.getByLabel("Low balance alert below (USD)").fill("12.50");
  await buyer.getByRole("button", { name: "Save notification settings" }).click();
  await expect(buyer.getByText("Notification settings saved.")).toBeVisible();
  await buyer.reload();
  await expect(buyer.getByLabel("Low balance alert below (USD)")).toHaveValue("12.500000");
  await check(buyer, "account");

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/faq");
  await expect(visitor.getByRole("heading", { name: `Questions ${tag}` })).toBeVisible();
  await expect(visitor.getByTestId("markdown").locator("img")).toHaveCount(0);
  await check(visitor, "faq");
});
