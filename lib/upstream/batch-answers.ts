// Batch answers mix results and per-id `{error}` items. A per-id error is data (kind
// "definite": the upstream looked at that id and said no); an item we cannot read makes the
// whole answer indeterminate rather than inventing an error the order code might refund on.
import { z } from "zod";
import { readOrderStatusFast } from "./fast-readers";
import { describeIssues, zOrderStatus, zProductOrderStatus, zRefillStatus } from "./schemas";
import type {
  BatchItemError,
  CancelBatchItem,
  CreatedRefill,
  OrderStatus,
  ProductOrderStatus,
  RefillBatchItem,
  RefillStatus,
  RefillStatusBatchItem,
  UpstreamResult,
} from "./types";
import { nestedErrorText, zFlag, zId } from "./values";

function unexpected(action: string, detail: string): UpstreamResult<never> {
  return { ok: false, kind: "indeterminate", message: `${action}: unexpected answer shape (${detail})` };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function itemError(error: string): BatchItemError {
  return { error, kind: "definite" };
}

/** `{"123": {...}, "456": {"error": "..."}}`; PHP panels encode an empty map as `[]`. */
function parseKeyedBatch<T>(
  json: unknown,
  itemSchema: z.ZodType<T>,
  action: string,
  /** The schema's result without zod for the well-formed case, or null to ask the schema. */
  fast: (item: unknown) => T | null = () => null,
): UpstreamResult<Map<string, T | BatchItemError>> {
  if (Array.isArray(json) && json.length === 0) return { ok: true, value: new Map() };
  if (!isPlainObject(json)) return unexpected(action, "expected an object keyed by id");
  const items = new Map<string, T | BatchItemError>();
  for (const [id, item] of Object.entries(json)) {
    const error = nestedErrorText(item);
    if (error !== null && isPlainObject(item) && !("status" in item)) {
      items.set(id.trim(), itemError(error));
      continue;
    }
    const quick = fast(item);
    if (quick !== null) {
      items.set(id.trim(), quick);
      continue;
    }
    const parsed = itemSchema.safeParse(item);
    if (!parsed.success) return unexpected(action, `${id}: ${describeIssues(parsed.error)}`);
    items.set(id.trim(), parsed.data);
  }
  return { ok: true, value: items };
}

export function parseOrderStatusBatch(json: unknown, action = "status"): UpstreamResult<Map<string, OrderStatus | BatchItemError>> {
  return parseKeyedBatch(json, zOrderStatus, action, readOrderStatusFast);
}

export function parseProductOrderStatusBatch(
  json: unknown,
  action = "product_order_status",
): UpstreamResult<Map<string, ProductOrderStatus | BatchItemError>> {
  return parseKeyedBatch(json, zProductOrderStatus, action);
}

/** Reads an id or a nested `{error}` under `field` of an item, or an `error` on the item itself. */
function readIdOrError(item: Record<string, unknown>, field: string): { id: string } | { error: string } | null {
  const nested = nestedErrorText(item[field]);
  if (nested !== null) return { error: nested };
  if (item[field] === undefined && "error" in item) return { error: nestedErrorText(item) ?? "" };
  const id = zId.safeParse(item[field]);
  return id.success ? { id: id.data } : null;
}

/** Single `refill`: `{"refill": "1"}`; a nested `{"refill": {"error": ...}}` is a refusal. */
export function parseCreatedRefill(json: unknown, action = "refill"): UpstreamResult<CreatedRefill> {
  if (!isPlainObject(json)) return unexpected(action, "expected an object");
  const read = readIdOrError(json, "refill");
  if (!read) return unexpected(action, "refill: missing or not an id");
  if ("error" in read) return { ok: false, kind: "definite", message: read.error };
  return { ok: true, value: { refill: read.id } };
}

/**
 * `[{"order": 1, "refill": 1}, {"order": 3, "refill": {"error": "..."}}]`. The customer's
 * document shows a bare `{"refill": "1"}` for the batch form too; that is only unambiguous
 * when one order was asked for.
 */
export function parseRefillBatch(json: unknown, requested: string[], action = "refill"): UpstreamResult<RefillBatchItem[]> {
  if (isPlainObject(json) && requested.length === 1) {
    const single = parseCreatedRefill(json, action);
    if (single.ok) return { ok: true, value: [{ order: requested[0], refill: single.value.refill }] };
    if (single.kind === "definite") return { ok: true, value: [{ order: requested[0], ...itemError(single.message) }] };
    return single;
  }
  if (!Array.isArray(json)) return unexpected(action, "expected a list");
  const items: RefillBatchItem[] = [];
  for (const [index, item] of json.entries()) {
    const order = isPlainObject(item) ? zId.safeParse(item.order) : null;
    if (!isPlainObject(item) || !order?.success) return unexpected(action, `${index}.order: missing or not an id`);
    const read = readIdOrError(item, "refill");
    if (!read) return unexpected(action, `${index}.refill: missing or not an id`);
    items.push("error" in read ? { order: order.data, ...itemError(read.error) } : { order: order.data, refill: read.id });
  }
  return { ok: true, value: items };
}

/** Single `refill_status`: `{"status": "Completed"}`, or `{"status": {"error": ...}}` as a refusal. */
export function parseRefillStatus(json: unknown, action = "refill_status"): UpstreamResult<RefillStatus> {
  const nested = isPlainObject(json) ? nestedErrorText(json.status) : null;
  if (nested !== null) return { ok: false, kind: "definite", message: nested };
  const parsed = zRefillStatus.safeParse(json);
  return parsed.success ? { ok: true, value: parsed.data } : unexpected(action, describeIssues(parsed.error));
}

/** `[{"refill": 1, "status": "Completed"}, {"refill": 3, "status": {"error": "Refill not found"}}]` */
export function parseRefillStatusBatch(json: unknown, action = "refill_status"): UpstreamResult<RefillStatusBatchItem[]> {
  if (!Array.isArray(json)) return unexpected(action, "expected a list");
  const items: RefillStatusBatchItem[] = [];
  for (const [index, item] of json.entries()) {
    const refill = isPlainObject(item) ? zId.safeParse(item.refill) : null;
    if (!isPlainObject(item) || !refill?.success) return unexpected(action, `${index}.refill: missing or not an id`);
    const nested = nestedErrorText(item.status) ?? (item.status === undefined ? nestedErrorText(item) : null);
    if (nested !== null) {
      items.push({ refill: refill.data, ...itemError(nested) });
      continue;
    }
    const status = zRefillStatus.safeParse(item);
    if (!status.success) return unexpected(action, `${index}: ${describeIssues(status.error)}`);
    items.push({ refill: refill.data, ...status.data });
  }
  return { ok: true, value: items };
}

/** `[{"order": 2, "cancel": 1}, {"order": 9, "cancel": {"error": "Incorrect order ID"}}]`; 1 means "requested". */
export function parseCancelBatch(json: unknown, action = "cancel"): UpstreamResult<CancelBatchItem[]> {
  if (!Array.isArray(json)) return unexpected(action, "expected a list");
  const items: CancelBatchItem[] = [];
  for (const [index, item] of json.entries()) {
    const order = isPlainObject(item) ? zId.safeParse(item.order) : null;
    if (!isPlainObject(item) || !order?.success) return unexpected(action, `${index}.order: missing or not an id`);
    const nested = nestedErrorText(item.cancel) ?? (item.cancel === undefined ? nestedErrorText(item) : null);
    if (nested !== null) {
      items.push({ order: order.data, ...itemError(nested) });
    } else if (item.cancel !== undefined && zFlag.parse(item.cancel)) {
      items.push({ order: order.data, ok: true });
    } else if (item.cancel === 0 || item.cancel === "0" || item.cancel === false) {
      items.push({ order: order.data, ...itemError("Cancel not accepted") });
    } else {
      return unexpected(action, `${index}.cancel: ${JSON.stringify(item.cancel) ?? "missing"}`);
    }
  }
  return { ok: true, value: items };
}
