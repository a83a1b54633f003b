// One table per service type: which fields it takes, how its quantity (and so its charge and a
// later refund) follows from them, and what the API docs say about it. The order form, the
// server rules (validate-order.ts), the `add` request (lib/upstream/add-order-input.ts), the API
// docs (lib/api-v2/actions/add.ts) and the simulator's checks are all derived from it.
import { canonicalServiceType, SERVICE_TYPES, type ServiceType } from "./names";
import { ORDER_FIELDS, type OrderField, type OrderFieldSpec } from "./fields";

export type FieldUse = {
  field: OrderField;
  optional?: true;
  /** Overrides the field's "Enter the …" wording for this type. */
  what?: string;
};

/**
 * How the billed quantity follows from the fields:
 * - quantity: the quantity field, within the service's min..max;
 * - lines: the number of lines of a list (a quantity given alongside must agree);
 * - package: one unit at a flat price;
 * - package-lines: a flat price, but billed (and refunded) per line of the list;
 * - subscription: max × (posts + old posts) (see validate-order.ts).
 */
export type Billing =
  | { by: "quantity" }
  | { by: "lines"; list: "comments" | "usernames" }
  | { by: "package" }
  | { by: "package-lines"; list: "comments" }
  | { by: "subscription" };

export type ServiceTypeSpec = {
  fields: readonly FieldUse[];
  billing: Billing;
  /** The customer pays the listed rate once, whatever the package holds. */
  flatPrice: boolean;
  /** Services of this type may offer drip-feed (runs × quantity). */
  dripFeed?: true;
  /** Said in the API docs beside the type's fields. */
  apiNote?: string;
};

const takes = (...names: string[]): FieldUse[] =>
  names.map((name) => (name.endsWith("?") ? { field: name.slice(0, -1) as OrderField, optional: true } : { field: name as OrderField }));

export const SERVICE_TYPE_TABLE: Record<ServiceType, ServiceTypeSpec> = {
  Default: { fields: takes("link", "quantity"), billing: { by: "quantity" }, flatPrice: false, dripFeed: true },
  Package: { fields: takes("link"), billing: { by: "package" }, flatPrice: true },
  "Custom Comments": { fields: takes("link", "comments"), billing: { by: "lines", list: "comments" }, flatPrice: false },
  "Custom Comments Package": { fields: takes("link", "comments"), billing: { by: "package-lines", list: "comments" }, flatPrice: true },
  Mentions: { fields: takes("link", "quantity", "usernames"), billing: { by: "quantity" }, flatPrice: false },
  "Mentions with Hashtags": { fields: takes("link", "quantity", "usernames", "hashtags"), billing: { by: "quantity" }, flatPrice: false },
  "Mentions Custom List": { fields: takes("link", "usernames"), billing: { by: "lines", list: "usernames" }, flatPrice: false },
  "Mentions Hashtag": { fields: takes("link", "quantity", "hashtag"), billing: { by: "quantity" }, flatPrice: false },
  "Mentions User Followers": { fields: takes("link", "quantity", "username"), billing: { by: "quantity" }, flatPrice: false },
  "Mentions Media Likers": { fields: takes("link", "quantity", "media"), billing: { by: "quantity" }, flatPrice: false },
  "Comment Likes": { fields: takes("link", "quantity", "username"), billing: { by: "quantity" }, flatPrice: false },
  Poll: { fields: takes("link", "quantity", "answerNumber"), billing: { by: "quantity" }, flatPrice: false },
  "Comment Replies": {
    fields: [{ field: "link" }, { field: "username" }, { field: "comments", what: "replies" }],
    billing: { by: "lines", list: "comments" },
    flatPrice: false,
  },
  Subscriptions: {
    fields: takes("username", "min", "max", "posts", "oldPosts?", "delay", "expiry"),
    billing: { by: "subscription" },
    flatPrice: false,
    apiNote:
      "No link. posts new posts and old_posts existing ones (posts=0 with old_posts, or old_posts alone: old posts only). " +
      "You are charged for max × (posts + old_posts) up front; what is not delivered is refunded.",
  },
};

/** The drip-feed fields a Default service with dripfeed true adds, both optional. */
export const DRIP_FEED_FIELDS: readonly FieldUse[] = takes("runs?", "interval?");
export const DRIP_FEED_API_NOTE = "Only for services with dripfeed true. You are charged for quantity × runs.";

export function serviceTypeSpec(type: string): { type: ServiceType; spec: ServiceTypeSpec } | null {
  const canonical = canonicalServiceType(type);
  return canonical ? { type: canonical, spec: SERVICE_TYPE_TABLE[canonical] } : null;
}

/** The fields a service's order takes, in the order a form shows them. */
export function fieldUsesFor(service: { type: string; dripfeed: boolean }): FieldUse[] {
  const found = serviceTypeSpec(service.type);
  if (!found) return [];
  return found.spec.dripFeed && service.dripfeed ? [...found.spec.fields, ...DRIP_FEED_FIELDS] : [...found.spec.fields];
}

/**
 * The one field beyond link and quantity that a mass-order line's fourth part fills for this
 * service type: the type's only other required field, when it holds one value (not a list).
 */
export function massOrderExtraField(type: string): OrderField | null {
  const found = serviceTypeSpec(type);
  if (!found || found.spec.billing.by !== "quantity") return null;
  const others = found.spec.fields.filter((use) => !use.optional && use.field !== "link" && use.field !== "quantity");
  return others.length === 1 && ORDER_FIELDS[others[0].field].kind !== "lines" ? others[0].field : null;
}

/** "Poll: answer number; Comment Likes: username; …": what a mass-order line's fourth part is, per type. */
export function massOrderExtraFieldsForPeople(): string {
  return SERVICE_TYPES.flatMap((type) => {
    const field = massOrderExtraField(type);
    return field ? [`${type}: ${ORDER_FIELDS[field].label.toLowerCase()}`] : [];
  }).join("; ");
}

/** Fields that are optional wherever they are used: their label says so. */
const ALWAYS_OPTIONAL: ReadonlySet<OrderField> = new Set(
  (Object.keys(ORDER_FIELDS) as OrderField[]).filter((field) => {
    const uses = [...SERVICE_TYPES.flatMap((type) => SERVICE_TYPE_TABLE[type].fields), ...DRIP_FEED_FIELDS].filter((u) => u.field === field);
    return uses.length > 0 && uses.every((u) => u.optional);
  }),
);

export type FieldLabel = { label: string; hint?: string; multiline?: boolean; numeric?: boolean };

/** How the form labels each field. */
export const FIELD_LABELS = Object.fromEntries(
  (Object.keys(ORDER_FIELDS) as OrderField[]).map((name) => {
    const spec: OrderFieldSpec = ORDER_FIELDS[name];
    const label: FieldLabel = {
      label: ALWAYS_OPTIONAL.has(name) ? `${spec.label} (optional)` : spec.label,
      ...(spec.hint ? { hint: spec.hint } : {}),
      ...(spec.kind === "lines" ? { multiline: true } : {}),
      ...(spec.kind === "whole" ? { numeric: true } : {}),
    };
    return [name, label];
  }),
) as Record<OrderField, FieldLabel>;

/**
 * A stored order's params (Order.params) as people read them: labels instead of keys, lists one
 * per line, drip-feed spelled out. Fields shown elsewhere on the page (type, link, quantity) are left out.
 */
export function orderParamsForPeople(params: unknown): [label: string, value: string][] {
  if (!params || typeof params !== "object" || Array.isArray(params)) return [];
  const rows: [string, string][] = [];
  for (const [key, value] of Object.entries(params as Record<string, unknown>)) {
    if (key === "type" || key === "link" || key === "quantity" || value === undefined || value === null || value === "") continue;
    if (key === "dripFeed" && typeof value === "object") {
      const { runs, interval } = value as { runs?: unknown; interval?: unknown };
      rows.push(["Drip-feed", `${String(runs)} runs, every ${String(interval)} minutes`]);
    } else if (key === "require") {
      rows.push(["Your details", String(value)]);
    } else {
      const label = key in ORDER_FIELDS ? ORDER_FIELDS[key as OrderField].label : key;
      rows.push([label, Array.isArray(value) ? value.join("\n") : String(value)]);
    }
  }
  return rows;
}
