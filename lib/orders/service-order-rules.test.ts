import { describe, expect, it } from "vitest";
import { ZPlaceOrderInput } from "./schemas";
import { addInputFor, validateServiceOrder, type ServiceForOrder } from "./service-order-rules";

const service = (type: string, extra: Partial<ServiceForOrder> = {}): ServiceForOrder => ({ type, min: 10, max: 1000, dripfeed: false, ...extra });
const check = (s: ServiceForOrder, input: Record<string, unknown>) =>
  validateServiceOrder(s, ZPlaceOrderInput.parse({ serviceId: 1, ...input }), new Date("2026-11-29T00:00:00Z"));
const link = "https://instagram.com/p/abc";

describe("validateServiceOrder", () => {
  it("Default: link and quantity within min/max", () => {
    expect(check(service("Default"), { link, quantity: "500" })).toMatchObject({ ok: true, order: { quantity: 500, params: { type: "Default", link, quantity: 500 } } });
    expect(check(service("default"), { link, quantity: 9 })).toMatchObject({ ok: false, fields: { quantity: { message: "The minimum is 10." } } });
    expect(check(service("Default"), { link, quantity: 1001 })).toMatchObject({ ok: false, fields: { quantity: { message: "The maximum is 1000." } } });
    expect(check(service("Default"), { quantity: 100 })).toMatchObject({ ok: false, fields: { link: { message: "Enter the link." } } });
    expect(check(service("Default"), { link })).toMatchObject({ ok: false, fields: { quantity: { message: "Enter the quantity." } } });
  });

  it("refuses implausible links and accepts urls and @usernames", () => {
    for (const bad of ["not a link", "ftp://x.com/a", "javascript:alert(1)", "https://localhost/x", "https://exa mple.com"]) {
      expect(check(service("Default"), { link: bad, quantity: 100 }), bad).toMatchObject({ ok: false, fields: { link: { message: expect.any(String) } } });
    }
    for (const good of ["https://www.youtube.com/watch?v=x", "http://t.me/channel", "@some.user_1"]) {
      expect(check(service("Default"), { link: good, quantity: 100 }).ok, good).toBe(true);
    }
  });

  it("drip-feed: runs × quantity within max, positive whole runs and interval, only where offered", () => {
    const drip = service("Default", { dripfeed: true });
    expect(check(drip, { link, quantity: 100, runs: 5, interval: 30 })).toMatchObject({
      ok: true,
      order: { quantity: 500, params: { quantity: 100, dripFeed: { runs: 5, interval: 30 } } },
    });
    expect(check(drip, { link, quantity: 100, runs: 11, interval: 30 })).toMatchObject({ ok: false, fields: { runs: { message: "Runs × quantity must be at most 1000." } } });
    expect(check(drip, { link, quantity: 100, runs: 0, interval: 30 })).toMatchObject({ ok: false, fields: { runs: { message: expect.any(String) } } });
    expect(check(drip, { link, quantity: 100, runs: 2 })).toMatchObject({ ok: false, fields: { interval: { message: expect.any(String) } } });
    expect(ZPlaceOrderInput.safeParse({ serviceId: 1, runs: "1.5" }).success).toBe(false);
    expect(check(service("Default"), { link, quantity: 100, runs: 2, interval: 5 })).toMatchObject({ ok: false, fields: { runs: { message: "This service does not offer drip-feed." } } });
  });

  it("Custom Comments: quantity is the number of non-empty lines", () => {
    const comments = Array.from({ length: 12 }, (_, i) => `comment ${i}`).join("\n") + "\n\n  \n";
    expect(check(service("Custom Comments"), { link, comments })).toMatchObject({ ok: true, order: { quantity: 12 } });
    expect(check(service("Custom Comments"), { link, comments, quantity: 12 }).ok).toBe(true);
    expect(check(service("Custom Comments"), { link, comments, quantity: 100 })).toMatchObject({ ok: false, fields: { quantity: { message: "The quantity is the number of lines (12)." } } });
    expect(check(service("Custom Comments"), { link, comments: "a\nb" })).toMatchObject({ ok: false, fields: { comments: { message: "The minimum is 10." } } });
    expect(check(service("Custom Comments"), { link })).toMatchObject({ ok: false, fields: { comments: { message: expect.any(String) } } });
  });

  it("Package: no quantity, billed once at a flat price", () => {
    expect(check(service("Package", { min: 1, max: 1 }), { link })).toMatchObject({ ok: true, order: { quantity: 1, flatPrice: true, params: { type: "Package", link } } });
    expect(check(service("Package"), { link, quantity: 5 })).toMatchObject({ ok: false, fields: { quantity: { message: "A package has no quantity: leave it out or send 0 or 1." } } });
    expect(check(service("Custom Comments Package", { min: 1, max: 1 }), { link, comments: "a\nb\nc" })).toMatchObject({ ok: true, order: { quantity: 3, flatPrice: true } });
  });

  it("a zero quantity counts as not given where the type defines the quantity (PHP clients always send one)", () => {
    const comments = Array.from({ length: 12 }, (_, i) => `comment ${i}`).join("\n");
    expect(check(service("Package", { min: 1, max: 1 }), { link, quantity: 0 })).toMatchObject({ ok: true, order: { quantity: 1 } });
    expect(check(service("Package", { min: 1, max: 1 }), { link, quantity: 1 })).toMatchObject({ ok: true, order: { quantity: 1 } });
    expect(check(service("Custom Comments"), { link, comments, quantity: "0" })).toMatchObject({ ok: true, order: { quantity: 12 } });
    expect(check(service("Mentions Custom List"), { link, usernames: comments, quantity: 0 })).toMatchObject({ ok: true, order: { quantity: 12 } });
    expect(check(service("Comment Replies"), { link, username: "u", comments, quantity: 0 })).toMatchObject({ ok: true, order: { quantity: 12 } });
    expect(check(service("Custom Comments Package", { min: 1, max: 1 }), { link, comments: "a\nb", quantity: 0 })).toMatchObject({ ok: true, order: { quantity: 2 } });
    // Still wrong: a package of 5, a list of 12 called 11, a Default order of 0.
    expect(check(service("Package"), { link, quantity: 5 }).ok).toBe(false);
    expect(check(service("Custom Comments"), { link, comments, quantity: 11 })).toMatchObject({ ok: false, fields: { quantity: { code: "quantity_mismatch" } } });
    expect(check(service("Default"), { link, quantity: 0 })).toMatchObject({ ok: false, fields: { quantity: { message: "Enter at least 1." } } });
  });

  it("required fields of the other types", () => {
    expect(check(service("Mentions"), { link, quantity: 100 })).toMatchObject({ ok: false, fields: { usernames: { message: expect.any(String) } } });
    expect(check(service("Mentions"), { link, quantity: 100, usernames: "a\nb" })).toMatchObject({ ok: true, order: { params: { usernames: ["a", "b"] } } });
    expect(check(service("Mentions with Hashtags"), { link, quantity: 100, usernames: "a" })).toMatchObject({ ok: false, fields: { hashtags: { message: expect.any(String) } } });
    expect(check(service("Mentions Custom List"), { link, usernames: Array.from({ length: 15 }, (_, i) => `u${i}`).join("\n") })).toMatchObject({ ok: true, order: { quantity: 15 } });
    expect(check(service("Mentions Hashtag"), { link, quantity: 100, hashtag: "two words" })).toMatchObject({ ok: false, fields: { hashtag: { message: expect.any(String) } } });
    expect(check(service("Mentions User Followers"), { link, quantity: 100, username: "someone" }).ok).toBe(true);
    expect(check(service("Mentions Media Likers"), { link, quantity: 100 })).toMatchObject({ ok: false, fields: { media: { message: expect.any(String) } } });
    expect(check(service("Comment Likes"), { link, quantity: 100, username: "bad name!" })).toMatchObject({ ok: false, fields: { username: { message: expect.any(String) } } });
    expect(check(service("Poll"), { link, quantity: 100 })).toMatchObject({ ok: false, fields: { answerNumber: { message: expect.any(String) } } });
    expect(check(service("Poll"), { link, quantity: 100, answerNumber: "2" })).toMatchObject({ ok: true, order: { params: { answerNumber: 2 } } });
    expect(check(service("Comment Replies"), { link, username: "u", comments: Array(10).fill("hi").join("\n") })).toMatchObject({ ok: true, order: { quantity: 10 } });
    expect(check(service("Unheard Of Type"), { link, quantity: 100 })).toMatchObject({ ok: false, fields: { serviceId: { message: expect.any(String) } } });
  });

  it("Subscriptions: no link; username, min ≤ max within limits, posts, allowed delay, future dd/mm/yyyy expiry", () => {
    const sub = service("Subscriptions", { min: 10, max: 1000 });
    const good = { username: "someone", min: 20, max: 100, posts: 5, delay: 30, expiry: "31/12/2026" };
    expect(check(sub, good)).toMatchObject({ ok: true, order: { link: null, quantity: 500, params: { type: "Subscriptions", username: "someone", posts: 5 } } });
    expect(check(sub, { ...good, max: 10 })).toMatchObject({ ok: false, fields: { max: { message: expect.any(String) } } });
    expect(check(sub, { ...good, max: 5000 })).toMatchObject({ ok: false, fields: { max: { message: "The maximum is 1000." } } });
    expect(check(sub, { ...good, posts: undefined })).toMatchObject({ ok: false, fields: { posts: { message: expect.any(String) } } });
    // Old posts are delivered too, so they are charged: max × (posts + old posts).
    expect(check(sub, { ...good, oldPosts: 2 })).toMatchObject({ ok: true, order: { quantity: 700, params: { posts: 5, oldPosts: 2 } } });
    // Old posts only, as panels accept them: posts=0 with old_posts, or old_posts alone (stored and sent as posts=0).
    expect(check(sub, { ...good, posts: 0, oldPosts: 3 })).toMatchObject({ ok: true, order: { quantity: 300, params: { posts: 0, oldPosts: 3 } } });
    expect(check(sub, { ...good, posts: undefined, oldPosts: 3 })).toMatchObject({ ok: true, order: { quantity: 300, params: { posts: 0, oldPosts: 3 } } });
    expect(check(sub, { ...good, posts: 0 })).toMatchObject({ ok: false, fields: { posts: { message: expect.any(String) } } });
    expect(check(sub, { ...good, posts: 0, oldPosts: 0 })).toMatchObject({ ok: false, fields: { posts: { message: expect.any(String) } } });
    expect(check(sub, { ...good, delay: 7 })).toMatchObject({ ok: false, fields: { delay: { message: expect.any(String) } } });
    expect(check(sub, { ...good, expiry: "31/02/2027" })).toMatchObject({ ok: false, fields: { expiry: { message: expect.any(String) } } });
    expect(check(sub, { ...good, expiry: "01/01/2020" })).toMatchObject({ ok: false, fields: { expiry: { message: expect.any(String) } } });
  });

  it("the stored params rebuild exactly the add input", () => {
    const result = check(service("Default", { dripfeed: true }), { link, quantity: 100, runs: 3, interval: 10 });
    if (!result.ok) throw new Error("expected ok");
    expect(addInputFor("42", result.order.params)).toEqual({ service: "42", type: "Default", link, quantity: 100, dripFeed: { runs: 3, interval: 10 } });
  });
});
