// The table is the one place a type's fields are listed: what the server accepts must become an
// `add` the simulated panel accepts, with the same units, for every type.
import { describe, expect, it } from "vitest";
import { Decimal } from "@/lib/money";
import { ZPlaceOrderInput } from "@/lib/orders/schemas";
import { addOrderFields } from "@/lib/upstream/add-order-input";
import { checkAdd } from "@/lib/upstream/simulator/add-validation";
import type { SimService } from "@/lib/upstream/simulator/catalog";
import { SERVICE_TYPES, type ServiceType } from "./names";
import { FIELD_LABELS, fieldUsesFor, orderParamsForPeople, quantityRangeLabel, SERVICE_TYPE_TABLE } from "./service-types";
import { SUBSCRIPTION_DELAYS } from "./field-checks";
import { validateServiceOrder } from "./validate-order";

const link = "https://instagram.com/p/abc";
const lines = (n: number, word: string) => Array.from({ length: n }, (_, i) => `${word}${i}`).join("\n");

/** A valid order of each type, as a form would send it. */
const VALID: Record<ServiceType, Record<string, unknown>> = {
  Default: { link, quantity: "120", runs: "2", interval: "5" },
  Package: { link },
  "Custom Comments": { link, comments: lines(15, "nice ") },
  "Custom Comments Package": { link, comments: lines(3, "nice ") },
  Mentions: { link, quantity: "100", usernames: "a\nb" },
  "Mentions with Hashtags": { link, quantity: "100", usernames: "a", hashtags: "#x\n#y" },
  "Mentions Custom List": { link, usernames: lines(12, "user") },
  "Mentions Hashtag": { link, quantity: "100", hashtag: "#tag" },
  "Mentions User Followers": { link, quantity: "100", username: "star" },
  "Mentions Media Likers": { link, quantity: "100", media: "https://instagram.com/p/m" },
  "Comment Likes": { link, quantity: "100", username: "star" },
  Poll: { link, quantity: "100", answerNumber: "2" },
  "Comment Replies": { link, username: "star", comments: lines(10, "reply ") },
  Subscriptions: { username: "star", min: "20", max: "100", posts: "3", oldPosts: "1", delay: "30", expiry: "31/12/2099" },
};

describe("service-type table", () => {
  it.each(SERVICE_TYPES)("%s: what the rules accept is an add the panel accepts, for the same units", (type) => {
    const flat = SERVICE_TYPE_TABLE[type].flatPrice;
    const service = { type, min: flat ? 1 : 10, max: flat ? 1 : 1000, dripfeed: type === "Default" };
    const checked = validateServiceOrder(service, ZPlaceOrderInput.parse({ serviceId: 1, ...VALID[type] }), new Date("2026-12-01T00:00:00Z"));
    if (!checked.ok) throw new Error(JSON.stringify(checked.fields));
    const add = addOrderFields({ ...checked.order.params, service: "7" } as Parameters<typeof addOrderFields>[0]);
    if (!add.ok) throw new Error(add.message);
    const params = new URLSearchParams(Object.entries(add.fields).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])));
    const sim: SimService = { id: 7, name: "x", category: "x", rate: new Decimal(1), ...service, max: flat ? 1 : 100_000, refill: false, cancel: false, description: null };
    const answer = checkAdd(sim, params);
    expect(answer, type).toMatchObject({ ok: true });
    if (answer.ok && !flat) expect(answer.add.units).toBe(checked.order.quantity);
  });

  it("labels fields for people: optional ones say so, no raw keys", () => {
    expect(fieldUsesFor({ type: "Default", dripfeed: true }).map((u) => u.field)).toEqual(["link", "quantity", "runs", "interval"]);
    expect(fieldUsesFor({ type: "Default", dripfeed: false }).map((u) => u.field)).toEqual(["link", "quantity"]);
    expect(FIELD_LABELS.oldPosts.label).toBe("Number of old posts (optional)");
    expect(FIELD_LABELS.posts.label).toBe("Number of new posts");
    expect(orderParamsForPeople({ type: "Subscriptions", username: "star", oldPosts: 2, dripFeed: { runs: 2, interval: 5 }, require: "me@x.com" })).toEqual([
      ["Username", "star"],
      ["Number of old posts", "2"],
      ["Drip-feed", "2 runs, every 5 minutes"],
      ["Your details", "me@x.com"],
    ]);
  });
});

describe("what the order form offers", () => {
  it("names the service's min..max after what it bounds: per post for a subscription (no quantity field), nothing for packages", () => {
    expect(fieldUsesFor({ type: "Subscriptions", dripfeed: false }).map((u) => u.field)).not.toContain("quantity");
    expect(quantityRangeLabel("Subscriptions")).toBe("Per new post");
    expect(quantityRangeLabel("Default")).toBe("Quantity");
    expect(quantityRangeLabel("Custom Comments")).toBe("Number of comments");
    expect(quantityRangeLabel("Package")).toBeNull();
    expect(quantityRangeLabel("Custom Comments Package")).toBeNull();
  });

  it("offers the delay as the list of values the server accepts, and the server refuses any other", () => {
    expect(FIELD_LABELS.delay.choices).toEqual(SUBSCRIPTION_DELAYS);
    const service = { type: "Subscriptions", min: 10, max: 100, dripfeed: false };
    const input = { username: "someone", min: 10, max: 20, posts: 2, expiry: "31/12/2099" };
    for (const delay of SUBSCRIPTION_DELAYS) expect(validateServiceOrder(service, { ...input, delay }).ok).toBe(true);
    expect(validateServiceOrder(service, { ...input, delay: 7 })).toMatchObject({ ok: false, fields: { delay: { code: "invalid_value" } } });
  });
});
