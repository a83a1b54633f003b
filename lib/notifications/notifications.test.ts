// Customer emails worked out by the worker, on a database of the file's own (a notification pass
// looks at every customer): each fact is mailed once even when two workers run the pass at the
// same moment, only to customers who want it, and a balance alert fires once per fall below the
// threshold. What is checked is the outbox (lib/mail), which the mail loop then delivers.
import { afterAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/connection";
import { creditFunds } from "@/lib/ledger/credit-funds";
import { debitFunds } from "@/lib/ledger/debit-funds";
import { createPayment } from "@/lib/payments/create-payment";
import { reviewPayment } from "@/lib/payments/review-payment";
import { ZCreatePaymentInput, ZReviewPaymentInput } from "@/lib/payments/schemas";
import { createMethod } from "@/lib/payments/testing/fixtures";
import { createCustomer, makeUser, parsed, startTestProvider, withOwnDatabase, workerPass, type TestProvider } from "@/lib/testing/fixtures";
import { placeOrder } from "@/lib/orders/place-order";
import { getPreferences, savePreferences, ZNotificationPreferencesInput } from "./preferences";
import { runNotificationPass } from "./run-notification-pass";

let workers: Db[] = [];
let db: Db;
let provider: TestProvider;
withOwnDatabase("panel_notify", 2, async (clients) => {
  workers = clients;
  db = clients[0]!;
  provider = await startTestProvider(db, { seed: 61 });
});
afterAll(async () => provider?.close());

const prefs = (raw: Record<string, string>) => parsed(ZNotificationPreferencesInput, raw);
const mailsTo = async (userId: number) => {
  const { email } = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  return db.mailMessage.findMany({ where: { to: email }, orderBy: { id: "asc" }, select: { template: true, subject: true, text: true } });
};
/** Both workers at once, as two worker processes would. */
const bothWorkers = (now?: Date) => Promise.all(workers.map((w) => runNotificationPass(w, now)));

describe("customer notifications", () => {
  it("saves preferences with an exact threshold, and refuses a bad one beside the field", async () => {
    const userId = await createCustomer(db);
    expect(await getPreferences(db, userId)).toMatchObject({ orderFinal: false, payments: true, ticketReplies: true, lowBalanceBelow: null });
    expect(ZNotificationPreferencesInput.safeParse({ lowBalanceBelow: "12.1234567" }).error?.issues[0]).toMatchObject({ path: ["lowBalanceBelow"], message: "Use at most 6 decimals." });
    await savePreferences(db, { id: userId, role: "customer" }, prefs({ orderFinal: "on", lowBalanceBelow: "12.000001", telegramChatId: "42" }));
    // A customer cannot set staff-only fields.
    expect(await getPreferences(db, userId)).toMatchObject({ orderFinal: true, payments: false, ticketReplies: false, lowBalanceBelow: "12.000001", telegramChatId: null });
  });

  it("mails a final order state once, with two workers, only to customers who asked", async () => {
    const [wants, doesNot] = await Promise.all([createCustomer(db, "1000"), createCustomer(db, "1000")]);
    await savePreferences(db, { id: wants, role: "customer" }, prefs({ orderFinal: "on" }));
    const service = await db.service.findFirstOrThrow({ where: { providerId: provider.providerId, type: "Default", enabled: true }, orderBy: { id: "asc" } });
    const ids: number[] = [];
    for (const customer of [wants, doesNot]) {
      const placed = await placeOrder(db, customer, { serviceId: service.id, link: "https://instagram.com/p/x", quantity: service.min });
      if (!placed.ok) throw new Error(placed.message);
      ids.push(placed.order.id);
    }
    for (let i = 0; i < 30 && (await db.order.count({ where: { id: { in: ids }, state: { in: ["completed", "partial", "canceled", "failed"] } } })) < 2; i++) {
      provider.sim.advance(500);
      await workerPass(db, [provider.providerId]);
    }
    const order = await db.order.findUniqueOrThrow({ where: { id: ids[0] } });
    expect(["completed", "partial", "canceled", "failed"]).toContain(order.state);

    const tallies = await bothWorkers();
    expect(tallies.reduce((n, t) => n + t.orders, 0)).toBe(1);
    await bothWorkers();
    const mails = await mailsTo(wants);
    expect(mails.map((m) => [m.template, m.subject])).toEqual([["order-final", `Order #${ids[0]} is ${order.state}`]]);
    expect(mails[0]!.text).toContain(`/orders/${ids[0]}`);
    expect(await mailsTo(doesNot)).toEqual([]);
  });

  it("mails a credited and a rejected payment (with the admin's reason) once each", async () => {
    const admin = await makeUser(db, "admin");
    const customer = await makeUser(db, "customer");
    const methodId = await createMethod(db, admin as { id: number; role: "admin" }, { gateway: "manual", minAmount: "5", maxAmount: "1000" });
    const pay = async (amount: string) => {
      const created = await createPayment(db, customer, parsed(ZCreatePaymentInput, { methodId, amount, reference: `ref ${amount}` }));
      if (!created.ok) throw new Error(created.message);
      return created.paymentId;
    };
    const [paid, refused] = [await pay("20"), await pay("30")];
    expect((await reviewPayment(db, admin, parsed(ZReviewPaymentInput, { paymentId: paid, decision: "approve", reason: "seen" }))).ok).toBe(true);
    expect((await reviewPayment(db, admin, parsed(ZReviewPaymentInput, { paymentId: refused, decision: "reject", reason: "No transfer with this reference arrived" }))).ok).toBe(true);

    await bothWorkers();
    await bothWorkers();
    const mails = await mailsTo(customer.id);
    expect(mails.map((m) => m.template).sort()).toEqual(["payment-credited", "payment-rejected"]);
    expect(mails.find((m) => m.template === "payment-credited")!.text).toContain("$20.00");
    expect(mails.find((m) => m.template === "payment-rejected")!.text).toContain("Reason: No transfer with this reference arrived");
  });

  it("a balance below the threshold is mailed once per fall, armed again when it is back up", async () => {
    const userId = await createCustomer(db, "100");
    await savePreferences(db, { id: userId, role: "customer" }, prefs({ lowBalanceBelow: "50.5" }));
    await bothWorkers();
    expect(await mailsTo(userId)).toEqual([]);

    expect((await debitFunds(db, { customerId: userId, amount: "49.500001", reason: "test" }, null)).ok).toBe(true);
    await bothWorkers();
    await bothWorkers();
    let mails = await mailsTo(userId);
    expect(mails.map((m) => m.template)).toEqual(["low-balance"]);
    expect(mails[0]!.text).toContain("$50.499999");

    expect((await creditFunds(db, { customerId: userId, amount: "10", reason: "top up" })).ok).toBe(true);
    await bothWorkers();
    expect((await debitFunds(db, { customerId: userId, amount: "10", reason: "again" }, null)).ok).toBe(true);
    await bothWorkers();
    mails = await mailsTo(userId);
    expect(mails.map((m) => m.template)).toEqual(["low-balance", "low-balance"]);
  });
});
