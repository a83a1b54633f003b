// Owner alerts on a PostgreSQL database of their own (alerts look at every provider, order and
// payment, so other test files must not share it): a storm of alerts is one digest, made once
// by two workers (two connection pools) running at the same moment, delivered once per staff
// member by email (the outbox) and by Telegram through a local server that speaks sendMessage.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/connection";
import { creditFunds } from "@/lib/ledger/credit-funds";
import { Decimal } from "@/lib/money";
import { debitFunds } from "@/lib/ledger/debit-funds";
import { applyGatewayReport } from "@/lib/payments/apply-report";
import { createPayment } from "@/lib/payments/create-payment";
import { reviewPayment } from "@/lib/payments/review-payment";
import { ZCreatePaymentInput, ZReviewPaymentInput } from "@/lib/payments/schemas";
import { createMethod } from "@/lib/payments/testing/fixtures";
import { createUnknownOrder, parsed, withOwnDatabase } from "@/lib/testing/fixtures";
import { runAlertPass } from "./run-alert-pass";

type Sent = { path: string; chatId: string; text: string };

/** A Bot API stand-in: records sendMessage calls; `fail` answers the next calls with these statuses. */
function startTelegramServer() {
  const sent: Sent[] = [];
  const fail: number[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const status = fail.shift();
      res.setHeader("content-type", "application/json");
      if (status) {
        res.statusCode = status;
        res.end(JSON.stringify({ ok: false, error_code: status, description: "test failure" }));
        return;
      }
      const json = JSON.parse(body) as { chat_id: string; text: string };
      sent.push({ path: req.url ?? "", chatId: String(json.chat_id), text: json.text });
      res.end(JSON.stringify({ ok: true, result: { message_id: sent.length } }));
    });
  });
  return new Promise<{ url: string; sent: Sent[]; fail: number[]; close(): Promise<void> }>((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, sent, fail, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

let workers: Db[] = [];
let telegram: Awaited<ReturnType<typeof startTelegramServer>>;
withOwnDatabase("panel_alerts", 2, (clients) => void (workers = clients));

beforeAll(async () => {
  telegram = await startTelegramServer();
  process.env.TELEGRAM_BOT_TOKEN = "123:test-token";
  process.env.TELEGRAM_API_BASE = telegram.url;
  process.env.ALERT_DIGEST_MINUTES = "15";
  process.env.ALERT_PROVIDER_BALANCE_BELOW = "50";
});

afterAll(async () => {
  for (const name of ["TELEGRAM_BOT_TOKEN", "TELEGRAM_API_BASE", "ALERT_DIGEST_MINUTES", "ALERT_PROVIDER_BALANCE_BELOW"]) delete process.env[name];
  await telegram?.close();
});

afterEach(() => {
  telegram.fail.length = 0;
});

const minutes = (base: Date, n: number) => new Date(base.getTime() + n * 60_000);
let providerCount = 0;
const lowProvider = (db: Db, balance: string) =>
  db.provider.create({ data: { name: `low-${++providerCount}`, apiUrl: "http://127.0.0.1:9/api/v2", apiKeyEncrypted: "none", lastBalance: balance, lastBalanceAt: new Date() } });

describe("owner alerts", () => {
  it("a storm is one digest, sent once per person and channel even with two workers at once", async () => {
    const [db] = workers as [Db];
    const admin = await db.user.create({ data: { email: "owner@alerts.test", passwordHash: "x", role: "admin" } });
    const staff = await db.user.create({ data: { email: "staff@alerts.test", passwordHash: "x", role: "staff" } });
    await db.user.create({ data: { email: "customer@alerts.test", passwordHash: "x" } });
    await db.notificationPreference.create({ data: { userId: admin.id, telegramChatId: "1001" } });
    await db.notificationPreference.create({ data: { userId: staff.id, telegramChatId: "1002", ownerAlertsEmail: false } });

    // The storm: six providers low (one above the threshold), and an order whose answer was lost.
    for (let i = 0; i < 6; i++) await lowProvider(db, `${10 + i}.5`);
    await lowProvider(db, "50");
    const buyer = await db.user.create({ data: { email: "buyer@alerts.test", passwordHash: "x", emailVerifiedAt: new Date() } });
    expect((await creditFunds(db, { customerId: buyer.id, amount: "10", reason: "test" })).ok).toBe(true);
    const provider = await db.provider.findFirstOrThrow({ where: { name: "low-1" } });
    await createUnknownOrder(db, buyer.id, { providerId: provider.id, link: "https://x.test/p", quantity: 10, charge: "1" });
    // A manual payment credited, spent, then reversed: the balance does not cover it, so it is owed.
    const methodId = await createMethod(db, { id: admin.id, role: "admin" }, { gateway: "manual", minAmount: "5", maxAmount: "1000" });
    const created = await createPayment(db, { id: buyer.id, email: buyer.email }, parsed(ZCreatePaymentInput, { methodId, amount: "20", reference: "ref" }));
    if (!created.ok) throw new Error(created.message);
    expect((await reviewPayment(db, { id: admin.id, role: "admin" }, parsed(ZReviewPaymentInput, { paymentId: created.paymentId, decision: "approve", reason: "seen" }))).ok).toBe(true);
    expect((await debitFunds(db, { customerId: buyer.id, amount: "25", reason: "spent" }, null)).ok).toBe(true);
    const reversed = await applyGatewayReport(db, {
      gateway: "manual",
      lookup: { paymentId: created.paymentId },
      status: "disputed",
      type: "test.dispute",
      report: { kind: "reversed", reversal: "dispute", key: "dispute:dp_test", amount: new Decimal("20"), of: null, reason: "dispute" },
    });
    expect(reversed.outcome).toBe("flagged");
    expect((await db.payment.findUniqueOrThrow({ where: { id: created.paymentId } })).state).toBe("charged_back");

    const now = new Date();
    const results = await Promise.all([runAlertPass(workers[0]!, now), runAlertPass(workers[1]!, now), runAlertPass(workers[0]!, minutes(now, 1))]);
    expect(results.filter((r) => r.digest !== null)).toHaveLength(1);
    expect(await db.alertDigest.count()).toBe(1);

    const digest = await db.alertDigest.findFirstOrThrow();
    expect(digest.text.split("\n")).toHaveLength(8);
    expect(digest.text).toContain(`Payment #${created.paymentId} of buyer@alerts.test: a chargeback of 20 is still owed.`);
    expect(digest.text).toContain('Provider "low-1" balance is 10.5 USD, below 50.');
    expect(digest.text).toContain("1 order waits for staff");
    expect(digest.text).not.toContain("low-7");

    expect(telegram.sent.map((s) => s.chatId).sort()).toEqual(["1001", "1002"]);
    expect(telegram.sent.every((s) => s.path === "/bot123:test-token/sendMessage" && s.text.includes("low-6"))).toBe(true);
    const mails = await db.mailMessage.findMany({ where: { template: "owner-alerts" } });
    expect(mails.map((m) => m.to)).toEqual(["owner@alerts.test"]);
    expect(mails[0]!.subject).toBe("Panel alerts: 8 new");

    // Nothing new and passes go on: nothing more is sent.
    await Promise.all([runAlertPass(workers[0]!, minutes(now, 20)), runAlertPass(workers[1]!, minutes(now, 20))]);
    expect(await db.alertDigest.count()).toBe(1);
    expect(telegram.sent).toHaveLength(2);
  });

  it("waits for the window before the next digest, which has only the new alerts; a failed send is retried once due", async () => {
    const [db] = workers as [Db];
    const last = await db.alertDigest.findFirstOrThrow({ orderBy: { id: "desc" } });
    const start = minutes(last.createdAt, 1);
    await lowProvider(db, "1");
    expect((await runAlertPass(db, start)).digest).toBeNull();

    telegram.fail.push(500);
    const due = minutes(last.createdAt, 16);
    const [a, b] = await Promise.all([runAlertPass(workers[0]!, due), runAlertPass(workers[1]!, due)]);
    const made = a.digest ?? b.digest;
    expect(made).toMatchObject({ alerts: 1, emails: 1, telegrams: 2 });
    expect(a.digest === null || b.digest === null).toBe(true);
    expect(a.telegram.retried + b.telegram.retried).toBe(1);
    expect(telegram.sent).toHaveLength(3);

    // The retry is due after its backoff (30 s); then it goes, once.
    await Promise.all([runAlertPass(workers[0]!, minutes(due, 1)), runAlertPass(workers[1]!, minutes(due, 1))]);
    expect(telegram.sent).toHaveLength(4);
    const newest = telegram.sent.slice(2);
    expect(newest.map((s) => s.chatId).sort()).toEqual(["1001", "1002"]);
    expect(newest.every((s) => s.text.includes("low-8") && !s.text.includes("low-1"))).toBe(true);
    expect(await db.telegramMessage.count({ where: { state: "sent" } })).toBe(4);
  });

  it("a chat the Bot API refuses (403) fails without retries", async () => {
    const [db] = workers as [Db];
    const last = await db.alertDigest.findFirstOrThrow({ orderBy: { id: "desc" } });
    await lowProvider(db, "2");
    telegram.fail.push(403, 403);
    const due = minutes(last.createdAt, 16);
    const result = await runAlertPass(db, due);
    expect(result.telegram).toEqual({ sent: 0, retried: 0, failed: 2 });
    await runAlertPass(db, minutes(due, 90));
    expect(await db.telegramMessage.count({ where: { digestId: result.digest!.digestId, state: "failed" } })).toBe(2);
    expect(telegram.sent).toHaveLength(4);
  });
});
