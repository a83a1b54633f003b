// Mass order: one order per line, `service_id | link | quantity`, up to 100 lines; a type that
// takes one more single value (a Poll's answer number, a username, a hashtag, a media link: read
// from the service-type table) takes it as a fourth part, `service_id | link | quantity | value`. A preview
// parses and prices every line against the balance; placing sends each line down the one
// placement road (placeOrder) as its own order, with an idempotency key derived from the
// submission and the line number, so a resubmitted form places nothing twice and one bad line
// never stops the others.
import { customerServicePricer, PRICED_SERVICE_SELECT } from "@/lib/pricing/customer-service-pricer";
import crypto from "node:crypto";
import { standingRefusal } from "@/lib/accounts/standing";
import type { Db } from "@/lib/db/connection";
import { Decimal, toLedgerString } from "@/lib/money";
import { placeOrder } from "@/lib/orders/place-order";
import { fieldErrorsOf, ZPlaceOrderInput } from "@/lib/orders/schemas";
import { fail, fieldMessages, fieldRefusal, type ErrorCode, type Failure } from "@/lib/result";
import { serviceOrderCharge, validateServiceOrder } from "@/lib/orders/service-order-rules";
import { ORDERABLE_SERVICE } from "./service-search";
import { ORDER_FIELDS, fieldLabel, type OrderField } from "@/lib/service-types/fields";
import { massOrderExtraField } from "@/lib/service-types/service-types";

export const MASS_ORDER_MAX_LINES = 100;
/** Placements run a few at a time: each one waits for the provider's answer. */
const PLACEMENT_CONCURRENCY = 4;

export type MassOrderLine =
  | { lineNumber: number; text: string; ok: true; serviceId: number; link: string; quantity: string; extra?: string }
  | LineRefusal;

/** A line that cannot be placed: the refusal's code and the message shown beside the line. */
export type LineRefusal = { lineNumber: number; text: string; ok: false; code: ErrorCode; message: string; orderId?: number };

/** Splits the text into numbered lines (blank lines skipped, numbers as the customer sees them). */
export function parseMassOrder(text: string): { lines: MassOrderLine[]; error?: string } {
  const raw = text.replace(/\r\n?/g, "\n").split("\n");
  const lines: MassOrderLine[] = [];
  raw.forEach((line, index) => {
    const trimmed = line.trim();
    if (!trimmed) return;
    const lineNumber = index + 1;
    const parts = trimmed.split("|").map((part) => part.trim());
    if (parts.length !== 3 && parts.length !== 4) {
      lines.push({ lineNumber, text: trimmed, ok: false, code: "invalid_value", message: "Write service_id | link | quantity (three parts separated by |, a fourth for a Poll's answer number or a username)." });
      return;
    }
    const [service, link, quantity, extra] = parts;
    if (!/^\d{1,9}$/.test(service)) {
      lines.push({ lineNumber, text: trimmed, ok: false, code: "invalid_value", message: `"${service.slice(0, 40)}" is not a service id.` });
      return;
    }
    if (!/^\d{1,9}$/.test(quantity)) {
      lines.push({ lineNumber, text: trimmed, ok: false, code: "invalid_value", message: `"${quantity.slice(0, 40)}" is not a whole quantity.` });
      return;
    }
    lines.push({ lineNumber, text: trimmed, ok: true, serviceId: Number(service), link, quantity, ...(extra !== undefined ? { extra } : {}) });
  });
  if (lines.length === 0) return { lines, error: "Enter at least one line." };
  if (lines.length > MASS_ORDER_MAX_LINES) {
    return { lines: [], error: `At most ${MASS_ORDER_MAX_LINES} lines per mass order (this has ${lines.length}).` };
  }
  return { lines };
}


const describeFieldErrors = (fieldErrors: Record<string, string | undefined>) =>
  Object.entries(fieldErrors)
    .filter(([, message]) => message)
    .map(([field, message]) => `${fieldLabel(field)}: ${message}`)
    .join(" ");

/** The order input of one line for a service of this type, or why the line does not fit the type. */
function lineInput(line: Extract<MassOrderLine, { ok: true }>, type: string): { ok: true; input: Record<string, unknown> } | { ok: false; error: string } {
  const input: Record<string, unknown> = { serviceId: line.serviceId, link: line.link, quantity: line.quantity };
  const extraField = massOrderExtraField(type);
  if (line.extra !== undefined) {
    if (!extraField) return { ok: false, error: `A ${type} service takes only service_id | link | quantity.` };
    input[extraField] = line.extra;
  } else if (extraField) {
    return { ok: false, error: `A ${type} service needs a fourth part: service_id | link | quantity | ${ORDER_FIELDS[extraField].label.toLowerCase()}.` };
  }
  return { ok: true, input };
}

export type PreviewLine =
  | { lineNumber: number; text: string; ok: true; serviceId: number; serviceName: string; link: string; quantity: number; charge: string }
  | LineRefusal;

export type MassOrderPreview = {
  lines: PreviewLine[];
  error?: string;
  /** Sum of the good lines' charges, 6 decimals. */
  total: string;
  balance: string;
  enoughFunds: boolean;
};

export async function previewMassOrder(db: Db, customerId: number, text: string): Promise<MassOrderPreview> {
  const customer = await db.user.findUnique({ where: { id: customerId }, select: { balance: true, status: true, emailVerifiedAt: true } });
  const balance = customer ? toLedgerString(customer.balance) : "0.000000";
  const parsed = parseMassOrder(text);
  const refusal = standingRefusal(customer);
  if (parsed.error || refusal || !customer) {
    const error = parsed.error ?? refusal?.message ?? "No such account.";
    return { lines: [], error, total: "0.000000", balance, enoughFunds: false };
  }
  const ids = [...new Set(parsed.lines.flatMap((line) => (line.ok ? [line.serviceId] : [])))];
  const priceOf = await customerServicePricer(db, customerId);
  const services = new Map(
    (
      await db.service.findMany({
        where: { id: { in: ids }, ...ORDERABLE_SERVICE },
        select: { id: true, name: true, type: true, min: true, max: true, dripfeed: true, ...PRICED_SERVICE_SELECT },
      })
    ).map((service) => [service.id, service]),
  );
  let total = new Decimal(0);
  const lines = parsed.lines.map((line): PreviewLine => {
    if (!line.ok) return line;
    const service = services.get(line.serviceId);
    if (!service) return { lineNumber: line.lineNumber, text: line.text, ok: false, code: "service_unavailable", message: `Service ${line.serviceId} is not available.` };
    const fitted = lineInput(line, service.type);
    if (!fitted.ok) return { lineNumber: line.lineNumber, text: line.text, ok: false, code: "invalid_value", message: fitted.error };
    const input = ZPlaceOrderInput.safeParse(fitted.input);
    if (!input.success) return { lineNumber: line.lineNumber, text: line.text, ok: false, code: "invalid_fields", message: describeFieldErrors(fieldErrorsOf(input.error)) };
    const rules = validateServiceOrder(service, input.data);
    if (!rules.ok) return { lineNumber: line.lineNumber, text: line.text, ok: false, code: "invalid_fields", message: describeFieldErrors(fieldMessages(rules) ?? {}) };
    const charge = serviceOrderCharge(priceOf(service), rules.order);
    total = total.plus(charge);
    return {
      lineNumber: line.lineNumber, text: line.text, ok: true, serviceId: service.id, serviceName: service.name,
      link: rules.order.link ?? line.link, quantity: rules.order.quantity, charge: toLedgerString(charge),
    };
  });
  return { lines, total: toLedgerString(total), balance, enoughFunds: total.lte(customer.balance.toFixed()) };
}

/** Submission ids come from the form (a UUID made when the preview was shown). */
export const SUBMISSION_ID = /^[A-Za-z0-9-]{8,100}$/;

/** The idempotency key of one line: the same submission and line always give the same key. */
export function massOrderLineKey(submissionId: string, lineNumber: number): string {
  const digest = crypto.createHash("sha256").update(`mass-order\n${submissionId}`).digest("hex").slice(0, 32);
  return `mass:${digest}:${lineNumber}`;
}

export type PlacedLine =
  | { lineNumber: number; text: string; ok: true; orderId: number; charge: string; duplicate: boolean }
  | LineRefusal;

export type MassOrderResult = { ok: true; lines: PlacedLine[]; placed: number; failed: number } | Failure;

export async function placeMassOrder(db: Db, customerId: number, input: { text: string; submissionId: string }): Promise<MassOrderResult> {
  if (!SUBMISSION_ID.test(input.submissionId)) return fail("invalid_value", "This form has expired. Preview the order again.");
  const parsed = parseMassOrder(input.text);
  if (parsed.error) return fieldRefusal("invalid_value", "orders", parsed.error);
  const ids = [...new Set(parsed.lines.flatMap((line) => (line.ok ? [line.serviceId] : [])))];
  // Only to map a line's fourth part to its field; placeOrder checks the service itself.
  const typeOf = new Map((await db.service.findMany({ where: { id: { in: ids } }, select: { id: true, type: true } })).map((row) => [row.id, row.type]));
  const results: PlacedLine[] = new Array(parsed.lines.length);
  let next = 0;
  const worker = async () => {
    while (next < parsed.lines.length) {
      const index = next++;
      const line = parsed.lines[index];
      results[index] = await placeLine(db, customerId, input.submissionId, line, line.ok ? typeOf.get(line.serviceId) : undefined);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PLACEMENT_CONCURRENCY, parsed.lines.length) }, worker));
  const placed = results.filter((line) => line.ok).length;
  return { ok: true, lines: results, placed, failed: results.length - placed };
}

async function placeLine(db: Db, customerId: number, submissionId: string, line: MassOrderLine, type: string | undefined): Promise<PlacedLine> {
  if (!line.ok) return line;
  try {
    // An unknown service is refused by placeOrder with its own message.
    const fitted = type === undefined ? { ok: true as const, input: { serviceId: line.serviceId, link: line.link, quantity: line.quantity } } : lineInput(line, type);
    if (!fitted.ok) return { lineNumber: line.lineNumber, text: line.text, ok: false, code: "invalid_value", message: fitted.error };
    const input = ZPlaceOrderInput.safeParse({ ...fitted.input, idempotencyKey: massOrderLineKey(submissionId, line.lineNumber) });
    if (!input.success) return { lineNumber: line.lineNumber, text: line.text, ok: false, code: "invalid_fields", message: describeFieldErrors(fieldErrorsOf(input.error)) };
    const result = await placeOrder(db, customerId, input.data);
    if (result.ok) {
      return { lineNumber: line.lineNumber, text: line.text, ok: true, orderId: result.order.id, charge: result.order.charge, duplicate: result.duplicate };
    }
    const message = result.fields ? describeFieldErrors(fieldMessages(result) ?? {}) || result.message : result.message;
    const orderId = typeof result.data?.orderId === "number" ? result.data.orderId : undefined;
    return { lineNumber: line.lineNumber, text: line.text, ok: false, code: result.code, message, orderId };
  } catch (error) {
    // One line's failure (a lost connection, a bug) must not stop the others; the message stays generic.
    console.error("mass order line failed", error);
    return { lineNumber: line.lineNumber, text: line.text, ok: false, code: "placement_failed", message: "Something went wrong on our side with this line. Check your orders before placing it again." };
  }
}
