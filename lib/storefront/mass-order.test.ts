// Mass order on the real PostgreSQL and a simulator over HTTP: mixed good and bad lines, and a
// resubmitted form that must place nothing twice.
import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/connection";
import { verifyLedger } from "@/lib/ledger/verify-ledger";
import { Decimal, serviceCharge } from "@/lib/money";
import { balanceOf as balanceOfAccount, createCustomer, serviceOfType, TEST_LINK, withTestProvider, type TestProvider } from "@/lib/testing/fixtures";
import { massOrderLineKey, parseMassOrder, placeMassOrder, previewMassOrder } from "./mass-order";

let db: Db;
let provider: TestProvider;
withTestProvider((ready) => ({ db, provider } = ready));

const balanceOf = (customerId: number) => balanceOfAccount(db, customerId);

describe("parseMassOrder", () => {
  it("numbers lines as the customer sees them and explains bad ones", () => {
    const { lines } = parseMassOrder("12 | https://x.com/a | 100\n\nnope\n13|https://x.com/b|ten\n");
    expect(lines.map((l) => [l.lineNumber, l.ok])).toEqual([[1, true], [3, false], [4, false]]);
    expect(lines[1]).toMatchObject({ code: "invalid_value", message: expect.stringContaining("three parts") });
    expect(lines[2]).toMatchObject({ code: "invalid_value", message: expect.stringContaining("not a whole quantity") });
  });

  it("refuses more than 100 lines and an empty text", () => {
    expect(parseMassOrder(Array.from({ length: 101 }, () => "1 | https://x.com | 10").join("\n")).error).toMatch(/At most 100/);
    expect(parseMassOrder("  \n ").error).toMatch(/at least one line/);
  });

  it("derives one stable key per submission and line", () => {
    expect(massOrderLineKey("sub-12345678", 3)).toBe(massOrderLineKey("sub-12345678", 3));
    expect(massOrderLineKey("sub-12345678", 3)).not.toBe(massOrderLineKey("sub-12345678", 4));
    expect(massOrderLineKey("sub-12345678", 3)).not.toBe(massOrderLineKey("sub-87654321", 3));
  });
});

describe("mass order", () => {
  it("previews each line priced, explains bad lines, and compares the total with the balance", async () => {
    const service = await serviceOfType(db, provider.providerId, "Default", { min: { lte: 100 }, max: { gte: 1000 } });
    const customerId = await createCustomer(db, "1");
    const text = [`${service.id} | ${TEST_LINK} | 1000`, `${service.id} | ${TEST_LINK} | ${service.min - 1}`, `999999 | ${TEST_LINK} | 100`].join("\n");
    const preview = await previewMassOrder(db, customerId, text);
    const charge = serviceCharge(service.sellRate.toFixed(), 1000).toFixed(6);
    expect(preview.lines[0]).toMatchObject({ ok: true, serviceId: service.id, quantity: 1000, charge });
    expect(preview.lines[1]).toMatchObject({ ok: false, message: expect.stringMatching(/^Quantity: /) });
    expect(preview.lines[2]).toMatchObject({ ok: false, code: "service_unavailable", message: "Service 999999 is not available." });
    expect(preview.total).toBe(charge);
    expect(preview.balance).toBe("1.000000");
    expect(preview.enoughFunds).toBe(new Decimal(charge).lte(1));
    expect(await db.order.count({ where: { userId: customerId } })).toBe(0);
  });

  it("places good lines as their own orders, reports bad ones exactly, and a resubmit places nothing twice", async () => {
    const service = await serviceOfType(db, provider.providerId, "Default", { min: { lte: 100 } });
    const customerId = await createCustomer(db, "1000");
    const adds = provider.sim.counts.add;
    const text = [
      `${service.id} | ${TEST_LINK}?a | ${service.min}`,
      `${service.id} | not-a-link | ${service.min}`,
      "garbage",
      `${service.id} | ${TEST_LINK}?b | ${service.min}`,
    ].join("\n");
    const submissionId = crypto.randomUUID();
    const first = await placeMassOrder(db, customerId, { text, submissionId });
    if (!first.ok) throw new Error(first.message);
    expect(first).toMatchObject({ placed: 2, failed: 2 });
    expect(first.lines.map((l) => [l.lineNumber, l.ok])).toEqual([[1, true], [2, false], [3, false], [4, true]]);
    expect(first.lines[1]).toMatchObject({ message: expect.stringMatching(/^Link: /) });
    expect(first.lines[2]).toMatchObject({ message: expect.stringContaining("three parts") });
    expect(provider.sim.counts.add).toBe(adds + 2);
    const charge = serviceCharge(service.sellRate.toFixed(), service.min);
    expect(await balanceOf(customerId)).toBe(new Decimal(1000).minus(charge.times(2)).toFixed(6));

    // The same form sent again (a double click, a retry after a lost answer).
    const again = await placeMassOrder(db, customerId, { text, submissionId });
    if (!again.ok) throw new Error(again.message);
    const placedIds = (r: typeof first) => r.lines.flatMap((l) => (l.ok ? [l.orderId] : []));
    expect(placedIds(again)).toEqual(placedIds(first));
    expect(again.lines.filter((l) => l.ok).every((l) => l.ok && l.duplicate)).toBe(true);
    expect(provider.sim.counts.add).toBe(adds + 2);
    expect(await db.order.count({ where: { userId: customerId } })).toBe(2);
    expect(await balanceOf(customerId)).toBe(new Decimal(1000).minus(charge.times(2)).toFixed(6));

    // A new submission of the same text is a new intention: new orders.
    const other = await placeMassOrder(db, customerId, { text, submissionId: crypto.randomUUID() });
    expect(other.ok && other.placed).toBe(2);
    expect(await db.order.count({ where: { userId: customerId } })).toBe(4);
    expect((await verifyLedger(db, { customerIds: [customerId] })).ok).toBe(true);
  });

  it("a line the balance does not cover fails alone; the lines before and after still place", async () => {
    const service = await serviceOfType(db, provider.providerId, "Default", { min: { lte: 100 } });
    const charge = serviceCharge(service.sellRate.toFixed(), service.min);
    const big = Math.min(service.max, service.min * 1000);
    const customerId = await createCustomer(db, charge.times(2).toFixed(6));
    const text = [`${service.id} | ${TEST_LINK} | ${service.min}`, `${service.id} | ${TEST_LINK} | ${big}`, `${service.id} | ${TEST_LINK} | ${service.min}`].join("\n");
    const result = await placeMassOrder(db, customerId, { text, submissionId: crypto.randomUUID() });
    if (!result.ok) throw new Error(result.message);
    expect(result.lines.map((l) => l.ok)).toEqual([true, false, true]);
    expect(result.lines[1]).toMatchObject({ code: "not_enough_funds", message: "Not enough funds on balance" });
    expect(await balanceOf(customerId)).toBe("0.000000");
  });

  it("refuses a form without a valid submission id and places nothing", async () => {
    const customerId = await createCustomer(db, "10");
    expect(await placeMassOrder(db, customerId, { text: "1 | https://x.com | 10", submissionId: "x" })).toMatchObject({ ok: false, code: "invalid_value", message: "This form has expired. Preview the order again." });
    expect(await db.order.count({ where: { userId: customerId } })).toBe(0);
  });

  it("a Poll line takes its answer number as a fourth part; a line that misses it, or gives one to a type without it, is explained", async () => {
    const poll = await serviceOfType(db, provider.providerId, "Poll");
    const plain = await serviceOfType(db, provider.providerId, "Default", { min: { lte: 100 } });
    const customerId = await createCustomer(db, "1000");
    const text = [`${poll.id} | ${TEST_LINK} | ${poll.min} | 2`, `${poll.id} | ${TEST_LINK} | ${poll.min}`, `${plain.id} | ${TEST_LINK} | ${plain.min} | 2`].join("\n");
    const preview = await previewMassOrder(db, customerId, text);
    expect(preview.lines[0]).toMatchObject({ ok: true, serviceId: poll.id, quantity: poll.min });
    expect(preview.lines[1]).toMatchObject({ ok: false, code: "invalid_value", message: "A Poll service needs a fourth part: service_id | link | quantity | answer number." });
    expect(preview.lines[2]).toMatchObject({ ok: false, code: "invalid_value", message: "A Default service takes only service_id | link | quantity." });
    const placed = await placeMassOrder(db, customerId, { text, submissionId: crypto.randomUUID() });
    if (!placed.ok) throw new Error(placed.message);
    expect(placed.lines.map((l) => l.ok)).toEqual([true, false, false]);
    const order = await db.order.findUniqueOrThrow({ where: { id: (placed.lines[0] as { orderId: number }).orderId } });
    expect(order.params).toMatchObject({ type: "Poll", answerNumber: 2 });
    expect(provider.sim.lastRequest("add")).toMatchObject({ answer_number: "2" });
  });
});
