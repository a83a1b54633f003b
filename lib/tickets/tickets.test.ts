// Tickets on the real PostgreSQL: who may see and write what, the limits, keyset pages, and a
// refill/cancel ticket worked through the panel's own refill and cancel against the simulator
// over HTTP.
import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/connection";
import { runSyncPass } from "@/lib/jobs/run-sync-pass";
import { placeOrder } from "@/lib/orders/place-order";
import { createCustomer, makeUser, parsed, serviceOfType, TEST_LINK, withTestProvider, type TestProvider } from "@/lib/testing/fixtures";
import { MAX_OPEN_TICKETS } from "./limits";
import { openTicket } from "./open-ticket";
import { customerUnreadCount, getCustomerTicket, getStaffTicket, listCustomerTickets, listStaffTickets, staffWaitingCount, TICKET_PAGE_SIZE } from "./queries";
import { closeAsCustomer, replyAsCustomer, replyAsStaff } from "./reply";
import { ZOpenTicketInput } from "./schemas";

let db: Db;
let provider: TestProvider;
withTestProvider((ready) => ({ db, provider } = ready), { seed: 53 });

const input = (raw: Record<string, string>) => parsed(ZOpenTicketInput, { subject: "Help please", kind: "other", message: "Hello", ...raw });

async function open(customerId: number, raw: Record<string, string> = {}): Promise<number> {
  const result = await openTicket(db, customerId, input(raw));
  if (!result.ok) throw new Error(result.message);
  return result.ticketId;
}

let minutes = 60;
const pass = () => {
  minutes += 120;
  return runSyncPass(db, { providerIds: [provider.providerId], now: new Date(Date.now() + minutes * 60_000) });
};

async function placed(customerId: number, where: Record<string, unknown>) {
  const service = await serviceOfType(db, provider.providerId, "Default", where);
  const result = await placeOrder(db, customerId, { serviceId: service.id, link: TEST_LINK, quantity: service.min });
  if (!result.ok) throw new Error(result.message);
  return result.order.id;
}

async function completed(customerId: number, where: Record<string, unknown>) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const id = await placed(customerId, where);
    provider.sim.advance(500);
    await pass();
    if ((await db.order.findUniqueOrThrow({ where: { id } })).state === "completed") return id;
  }
  throw new Error("no order completed");
}

describe("ticket authorization", () => {
  it("another customer's ticket behaves like a missing one, for reading and writing", async () => {
    const [owner, stranger] = await Promise.all([createCustomer(db), createCustomer(db)]);
    const ticketId = await open(owner, { message: "my own question" });
    expect(await getCustomerTicket(db, stranger, ticketId)).toBeNull();
    expect(await getCustomerTicket(db, stranger, 2_000_000_000)).toBeNull();
    expect(await replyAsCustomer(db, stranger, ticketId, "let me in")).toMatchObject({ ok: false, code: "not_found", message: "Ticket not found." });
    expect(await replyAsCustomer(db, stranger, 2_000_000_000, "let me in")).toMatchObject({ ok: false, code: "not_found", message: "Ticket not found." });
    expect(await closeAsCustomer(db, stranger, ticketId)).toMatchObject({ ok: false, code: "not_found" });
    expect((await listCustomerTickets(db, stranger)).tickets).toEqual([]);
    const seen = await getCustomerTicket(db, owner, ticketId);
    expect(seen?.messages.map((m) => m.body)).toEqual(["my own question"]);
    expect(await db.ticketMessage.count({ where: { ticketId } })).toBe(1);
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ticketId } })).state).toBe("open");
  });

  it("refuses another customer's order or payment beside the field, and writes nothing", async () => {
    const [owner, stranger] = await Promise.all([createCustomer(db, "100"), createCustomer(db)]);
    const orderId = await placed(owner, { refill: true });
    const result = await openTicket(db, stranger, input({ kind: "refill", orderIds: String(orderId) }));
    expect(result).toMatchObject({ ok: false, code: "not_found", fields: { orderIds: { message: `Order #${orderId} not found.` } } });
    expect(await openTicket(db, stranger, input({ kind: "payment", paymentId: "1" }))).toMatchObject({ ok: false, fields: { paymentId: { code: "not_found" } } });
    expect(await db.ticket.count({ where: { userId: stranger } })).toBe(0);
  });

  it("staff functions refuse a customer", async () => {
    const customer = await makeUser(db, "customer");
    await expect(listStaffTickets(db, customer, {})).rejects.toThrow("Staff only.");
    await expect(replyAsStaff(db, customer, 1, "x")).rejects.toThrow("Staff only.");
  });
});

describe("a conversation", () => {
  it("staff answer, the customer's unread count follows, a customer reply reopens a closed ticket", async () => {
    const customerId = await createCustomer(db);
    const staff = await makeUser(db, "staff");
    const ticketId = await open(customerId, { subject: "Where is my order?" });
    const waitingBefore = await staffWaitingCount(db, staff);
    expect(waitingBefore).toBeGreaterThanOrEqual(1);

    expect(await replyAsStaff(db, staff, ticketId, "It is on its way.")).toEqual({ ok: true });
    expect(await customerUnreadCount(db, customerId)).toBe(1);
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ticketId } })).state).toBe("answered");
    const seen = await getCustomerTicket(db, customerId, ticketId);
    expect(seen?.messages.map((m) => [m.author, m.body])).toEqual([["You", "Hello"], ["Support", "It is on its way."]]);
    expect(await customerUnreadCount(db, customerId)).toBe(0);
    expect((await getStaffTicket(db, staff, ticketId))?.messages.map((m) => m.author)).toEqual([expect.stringContaining("@test.local"), staff.email]);

    expect(await replyAsStaff(db, staff, ticketId, "Closing.", true)).toEqual({ ok: true });
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ticketId } })).state).toBe("closed");
    expect(await replyAsCustomer(db, customerId, ticketId, "Still not there.")).toEqual({ ok: true });
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ticketId } })).state).toBe("open");
    expect(await replyAsStaff(db, staff, 2_000_000_000, "nobody")).toMatchObject({ ok: false, code: "not_found" });

    // Each staff reply is one email in the outbox, written with the reply; the panel's own
    // answers and the customer's messages are not mailed.
    const { email } = await db.user.findUniqueOrThrow({ where: { id: customerId }, select: { email: true } });
    const mails = await db.mailMessage.findMany({ where: { to: email }, orderBy: { id: "asc" } });
    expect(mails.map((m) => [m.template, m.subject])).toEqual([
      ["ticket-reply", "Support answered: Where is my order?"],
      ["ticket-reply", "Support answered: Where is my order?"],
    ]);
    expect(mails[0]!.text).toContain("It is on its way.");
    expect(mails[0]!.text).toContain(`/tickets/${ticketId}`);
    expect(mails[0]!.html).not.toContain("<script");
  });

  it("a customer who turned ticket emails off gets none; message HTML is escaped in the email", async () => {
    const customerId = await createCustomer(db);
    const staff = await makeUser(db, "staff");
    await db.notificationPreference.create({ data: { userId: customerId, ticketReplies: false } });
    const ticketId = await open(customerId);
    expect(await replyAsStaff(db, staff, ticketId, "<b>hi</b>")).toEqual({ ok: true });
    const { email } = await db.user.findUniqueOrThrow({ where: { id: customerId }, select: { email: true } });
    expect(await db.mailMessage.count({ where: { to: email } })).toBe(0);

    const other = await createCustomer(db);
    const otherTicket = await open(other, { subject: "<img src=x onerror=alert(1)>" });
    expect(await replyAsStaff(db, staff, otherTicket, "<script>alert(1)</script> see https://example.com")).toEqual({ ok: true });
    const mail = await db.mailMessage.findFirstOrThrow({ where: { to: (await db.user.findUniqueOrThrow({ where: { id: other } })).email } });
    expect(mail.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(mail.html).not.toMatch(/<script|<img/);
  });
});

describe("limits and pages", () => {
  it(`at most ${MAX_OPEN_TICKETS} open tickets at once, even when opened concurrently`, async () => {
    const customerId = await createCustomer(db);
    const results = await Promise.all(Array.from({ length: MAX_OPEN_TICKETS + 3 }, () => openTicket(db, customerId, input({}))));
    expect(results.filter((r) => r.ok)).toHaveLength(MAX_OPEN_TICKETS);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === "rate_limited")).toBe(true);
    expect(await db.ticket.count({ where: { userId: customerId } })).toBe(MAX_OPEN_TICKETS);
    const first = results.find((r) => r.ok)!;
    await closeAsCustomer(db, customerId, (first as { ticketId: number }).ticketId);
    expect((await openTicket(db, customerId, input({}))).ok).toBe(true);
  });

  it("lists a customer's tickets in keyset pages, newest activity first, each once", async () => {
    const customerId = await createCustomer(db);
    const ids: number[] = [];
    for (let i = 0; i < TICKET_PAGE_SIZE + 2; i++) {
      const id = await open(customerId);
      ids.push(id);
      await closeAsCustomer(db, customerId, id);
    }
    const first = await listCustomerTickets(db, customerId);
    expect(first.tickets).toHaveLength(TICKET_PAGE_SIZE);
    expect(first.nextCursor).not.toBeNull();
    const second = await listCustomerTickets(db, customerId, first.nextCursor);
    expect(second.nextCursor).toBeNull();
    expect([...first.tickets, ...second.tickets].map((t) => t.id)).toEqual([...ids].reverse());
  });
});

describe("refill and cancel tickets run the panel's own refill and cancel", () => {
  it("requests a refill for each order it can over HTTP, answers per order, and leaves the rest to staff", async () => {
    const customerId = await createCustomer(db, "10000");
    const refillable = await completed(customerId, { refill: true });
    const notRefillable = await completed(customerId, { refill: false });
    const before = provider.sim.counts.refill ?? 0;

    const ticketId = await open(customerId, { kind: "refill", orderIds: `${refillable}, ${notRefillable}`, message: "Drops on both" });

    expect(provider.sim.counts.refill).toBe(before + 1);
    const refill = await db.refill.findFirstOrThrow({ where: { orderId: refillable } });
    expect(refill).toMatchObject({ state: "pending", upstreamRefillId: provider.sim.refills().at(-1)!.id });
    expect(await db.refill.count({ where: { orderId: notRefillable } })).toBe(0);

    const ticket = await getCustomerTicket(db, customerId, ticketId);
    expect(ticket?.messages).toHaveLength(2);
    const answer = ticket!.messages[1]!;
    expect(answer).toMatchObject({ fromStaff: true, author: "Panel (automatic)" });
    expect(answer.body).toContain(`#${refillable}: ✓ refill requested.`);
    expect(answer.body).toContain(`#${notRefillable}: ✗ This service does not offer refills.`);
    // One order is left: the ticket waits for staff.
    expect(ticket?.state).toBe("open");

    // A second ticket for the same order meets the refill cooldown, like the order page would.
    const again = await open(customerId, { kind: "refill", orderIds: String(refillable) });
    const second = await getCustomerTicket(db, customerId, again);
    expect(second?.messages[1]?.body).toMatch(new RegExp(`#${refillable}: ✗ A refill was requested recently`));
    expect(provider.sim.counts.refill).toBe(before + 1);
  });

  it("cancels each order it can; when every order is handled the ticket is answered", async () => {
    const customerId = await createCustomer(db, "10000");
    const orderId = await placed(customerId, { cancel: true });
    await pass();
    const before = provider.sim.counts.cancel ?? 0;
    const ticketId = await open(customerId, { kind: "cancel", orderIds: String(orderId) });
    expect(provider.sim.counts.cancel).toBe(before + 1);
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).cancelRequestedAt).not.toBeNull();
    const ticket = await getCustomerTicket(db, customerId, ticketId);
    expect(ticket?.messages[1]?.body).toContain(`#${orderId}: ✓ cancel requested`);
    expect(ticket?.state).toBe("answered");
  });
});
