// Two real clients' call sequences, replayed as requests of the same shape over real HTTP
// against our /api/v2 route (the route's POST behind node:http, the simulator as our upstream):
// - the PHP client SmmTGlux/smm-api-php: every call a form-encoded POST built by PHP's
//   http_build_query, `key` and `action` first; `add($service, $link, $quantity, $extra)` ALWAYS
//   sends `quantity` (0 for types without one) with `$extra` (comments, runs …) before it;
// - the Node client SENPAY98K/node-smm-api: axios posting `querystring.stringify({...data, key})`
//   form-encoded, `action` and `key` last, only the fields the caller gave.
// Written from how those clients build requests; none of their code is used here.
import { stringify as nodeQueryString } from "node:querystring";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v2/route";
import { closeDb, getDb, type Db } from "@/lib/db/connection";
import { verifyLedger } from "@/lib/ledger";
import { connectUpstream, createApiCustomer, workerPass, type TestCustomer } from "@/lib/testing/fixtures";
import { startSimulator, type SimulatorHandle } from "@/lib/upstream/simulator";
import type { SimService } from "@/lib/upstream/simulator/catalog";
import { serveHandler, type ServedHandler } from "./testing/serve-handler";

process.env.API_RATE_LIMIT_PER_MINUTE = "100000";

let db: Db;
let sim: SimulatorHandle;
let served: ServedHandler;
let providerId: number;
let php: TestCustomer;
let node: TestCustomer;
/** Our service id for each simulator service. */
const ours = new Map<number, string>();

beforeAll(async () => {
  db = await getDb();
  sim = await startSimulator({ seed: 33, services: 80, balance: "100000" });
  providerId = await connectUpstream(db, { url: sim.url, key: sim.apiKey }, "20");
  php = await createApiCustomer(db, "php-client", "5000");
  node = await createApiCustomer(db, "node-client", "5000");
  served = await serveHandler(POST);
  for (const row of await db.service.findMany({ where: { providerId }, select: { id: true, upstreamId: true } })) {
    ours.set(Number(row.upstreamId), String(row.id));
  }
});

afterAll(async () => {
  await served?.close();
  await sim?.close();
  await closeDb();
});

type Scalar = string | number;

/** PHP's urlencode: every byte but [A-Za-z0-9_.-] percent-encoded, spaces as "+". */
function phpUrlencode(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, "+");
}

/** PHP's http_build_query over an ordered array of scalars. */
function phpBuildQuery(fields: [string, Scalar][]): string {
  return fields.map(([name, value]) => `${phpUrlencode(name)}=${phpUrlencode(String(value))}`).join("&");
}

/** PHP's `$a + $b`: $a's entries, then $b's whose keys $a lacks. */
function phpUnion(a: [string, Scalar][], b: [string, Scalar][]): [string, Scalar][] {
  const taken = new Set(a.map(([name]) => name));
  return [...a, ...b.filter(([name]) => !taken.has(name))];
}

/** One call as smm-api-php's Client::call makes it (curl, no redirects followed). */
async function phpCall(key: string, action: string, params: [string, Scalar][] = [], endpoint = served.url): Promise<unknown> {
  const response = await fetch(endpoint.replace(/\/+$/, ""), {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", "user-agent": "smm-api-php/1.0", accept: "application/json" },
    body: phpBuildQuery(phpUnion([["key", key], ["action", action]], params)),
  });
  expect(response.status).toBe(200);
  return response.json();
}

/** Client::add($service, $link, $quantity, $extra). */
function phpAdd(key: string, service: string, link: string, quantity: number, extra: [string, Scalar][] = []) {
  return phpCall(key, "add", phpUnion(extra, [["service", Number(service)], ["link", link], ["quantity", quantity]]));
}

/** One call as node-smm-api's _request makes it: `{...data, key}` through querystring.stringify. */
async function nodeCall(key: string, data: Record<string, Scalar>): Promise<unknown> {
  const response = await fetch(served.url, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "user-agent": "Mozilla/4.0 (compatible; MSIE 5.01; Windows NT 5.0)",
      accept: "application/json, text/plain, */*",
    },
    body: nodeQueryString({ ...data, key }),
  });
  expect(response.status).toBe(200);
  return response.json();
}

function simService(predicate: (service: SimService) => boolean, what: string): SimService & { ours: string } {
  const found = sim.catalog().services.find((service) => predicate(service) && ours.has(service.id));
  if (!found) throw new Error(`the simulator's catalog lacks ${what}`);
  return { ...found, ours: ours.get(found.id)! };
}

const ofType = (type: string, extra: (service: SimService) => boolean = () => true) => simService((s) => s.type === type && extra(s), type);
const lines = (count: number, prefix: string) => Array.from({ length: count }, (_, index) => `${prefix} ${index + 1}`).join("\n");
const link = "https://t.me/channel/12";

async function orderRow(answer: unknown) {
  expect(answer).toEqual({ order: expect.any(Number) });
  return db.order.findUniqueOrThrow({ where: { id: (answer as { order: number }).order } });
}

async function finishOrders() {
  sim.advance(600);
  await workerPass(db, [providerId]);
  await workerPass(db, [providerId]);
}

describe("SmmTGlux/smm-api-php", () => {
  it("balance, services, add of every type (quantity always sent), status, multiStatus, refills, cancel", async () => {
    expect(await phpCall(php.key, "balance")).toEqual({ balance: "5000.000000", currency: expect.any(String) });
    const services = (await phpCall(php.key, "services")) as { service: number; type: string }[];
    expect(services.length).toBeGreaterThanOrEqual(ours.size);

    // What add() sends for each type, and the units the order must be billed for.
    const placed: { type: string; id: number; units: number }[] = [];
    const add = async (service: SimService & { ours: string }, orderLink: string, quantity: number, extra: [string, Scalar][], units: number) => {
      const row = await orderRow(await phpAdd(php.key, service.ours, orderLink, quantity, extra));
      expect(row.quantity, service.type).toBe(units);
      placed.push({ type: service.type, id: row.id, units });
      return row;
    };
    const plain = ofType("Default", (s) => !s.dripfeed);
    await add(plain, link, plain.min, [], plain.min);
    const drip = ofType("Default", (s) => s.dripfeed && s.max >= s.min * 2);
    await add(drip, link, drip.min, [["runs", 2], ["interval", 5]], drip.min * 2);
    const pkg = ofType("Package");
    await add(pkg, link, 0, [], 1);
    const comments = ofType("Custom Comments");
    await add(comments, link, 0, [["comments", lines(comments.min, "Great post!")]], comments.min);
    await add(ofType("Custom Comments Package"), link, 0, [["comments", "Wow\nNice\nCool"]], 3);
    const mentions = ofType("Mentions");
    await add(mentions, link, mentions.min, [["usernames", "alice\nbob"]], mentions.min);
    const hashtags = ofType("Mentions with Hashtags");
    await add(hashtags, link, hashtags.min, [["usernames", "alice"], ["hashtags", "#sun\n#sea"]], hashtags.min);
    const list = ofType("Mentions Custom List");
    await add(list, link, 0, [["usernames", lines(list.min, "user").replace(/ /g, "")]], list.min);
    const hashtag = ofType("Mentions Hashtag");
    await add(hashtag, link, hashtag.min, [["hashtag", "#sun"]], hashtag.min);
    const followers = ofType("Mentions User Followers");
    await add(followers, link, followers.min, [["username", "alice"]], followers.min);
    const likers = ofType("Mentions Media Likers");
    await add(likers, link, likers.min, [["media", "https://instagram.com/p/xyz"]], likers.min);
    const likes = ofType("Comment Likes");
    await add(likes, link, likes.min, [["username", "alice"]], likes.min);
    const poll = ofType("Poll");
    await add(poll, link, poll.min, [["answer_number", 2]], poll.min);
    const replies = ofType("Comment Replies");
    await add(replies, link, 0, [["username", "alice"], ["comments", lines(replies.min, "Agreed")]], replies.min);
    // Subscriptions through add(): no link (''), quantity 0, old posts only (posts=0 + old_posts).
    const sub = ofType("Subscriptions");
    const subscription = await add(
      sub, "", 0,
      [["username", "alice"], ["min", sub.min], ["max", sub.min * 2], ["posts", 0], ["old_posts", 3], ["delay", 30], ["expiry", "31/12/2030"]],
      sub.min * 2 * 3,
    );
    expect(subscription.link).toBeNull();
    // The upstream is asked for exactly that: old posts only, never an unlimited subscription.
    expect(sim.lastRequest("add")).toMatchObject({ posts: "0", old_posts: "3", min: String(sub.min), max: String(sub.min * 2) });
    expect(new Set(placed.map((p) => p.type)).size).toBe(14);

    // What is really wrong is still refused, with the protocol's {"error"} that the client throws on.
    expect(await phpAdd(php.key, pkg.ours, link, 5)).toEqual({ error: expect.stringContaining("A package has no quantity") });
    expect(await phpAdd(php.key, comments.ours, link, 3, [["comments", lines(comments.min, "x")]])).toEqual({ error: expect.stringContaining("number of lines") });
    expect(await phpAdd(php.key, plain.ours, link, 0)).toEqual({ error: expect.stringContaining("quantity") });

    const first = placed[0].id;
    const one = await phpCall(php.key, "status", [["order", first]]);
    expect(one).toMatchObject({ charge: expect.any(String), status: expect.any(String), remains: expect.any(String) });
    const ids = placed.slice(0, 5).map((p) => p.id);
    const many = (await phpCall(php.key, "status", [["orders", [...ids, 999999999].join(",")]])) as Record<string, unknown>;
    expect(Object.keys(many).sort()).toEqual([...ids, 999999999].map(String).sort());
    expect(many["999999999"]).toEqual({ error: "Incorrect order ID" });

    const refillService = ofType("Default", (s) => s.refill && !s.dripfeed);
    const refillOrders: number[] = [];
    for (let index = 0; index < 4; index++) refillOrders.push((await orderRow(await phpAdd(php.key, refillService.ours, `${link}${index}`, refillService.min))).id);
    await finishOrders();
    const refillable = await db.order.findMany({
      where: { id: { in: refillOrders }, state: { in: ["completed", "partial"] } },
      select: { id: true },
      orderBy: { id: "asc" },
    });
    expect(refillable.length).toBeGreaterThanOrEqual(2);
    const refill = await phpCall(php.key, "refill", [["order", refillable[0].id]]);
    expect(refill).toEqual({ refill: expect.stringMatching(/^\d+$/) });
    const multi = (await phpCall(php.key, "refill", [["orders", `${refillable[1].id},999999999`]])) as { order: number; refill: unknown }[];
    expect(multi).toEqual([
      { order: refillable[1].id, refill: expect.any(Number) },
      { order: 999999999, refill: { error: "Incorrect order ID" } },
    ]);
    const refillId = Number((refill as { refill: string }).refill);
    expect(await phpCall(php.key, "refill_status", [["refill", refillId]])).toEqual({ status: expect.any(String) });
    expect(await phpCall(php.key, "refill_status", [["refills", `${refillId},${multi[0].refill as number},999999999`]])).toEqual([
      { refill: refillId, status: expect.any(String) },
      { refill: multi[0].refill, status: expect.any(String) },
      { refill: 999999999, status: { error: "Refill not found" } },
    ]);

    const cancellable = ofType("Default", (s) => s.cancel && !s.dripfeed);
    const toCancel = await orderRow(await phpAdd(php.key, cancellable.ours, "https://t.me/channel/99", cancellable.min));
    expect(await phpCall(php.key, "cancel", [["orders", `${toCancel.id},999999999`]])).toEqual([
      { order: toCancel.id, cancel: 1 },
      { order: 999999999, cancel: { error: "Incorrect order ID" } },
    ]);
    expect((await verifyLedger(db, { customerIds: [php.id] })).ok).toBe(true);
  });
});

describe("SENPAY98K/node-smm-api", () => {
  it("getServices, createOrder of the example shapes, statuses, refills, cancelOrders, getBalance", async () => {
    const services = (await nodeCall(node.key, { action: "services" })) as unknown[];
    expect(Array.isArray(services)).toBe(true);
    const drip = ofType("Default", (s) => s.dripfeed && s.max >= s.min * 2);
    const dripRow = await orderRow(await nodeCall(node.key, { service: drip.ours, link: "http://example.com/test", quantity: drip.min, runs: 2, interval: 5, action: "add" }));
    expect(dripRow.quantity).toBe(drip.min * 2);
    // Custom Comments without a quantity at all.
    const comments = ofType("Custom Comments");
    const commentsRow = await orderRow(await nodeCall(node.key, { service: comments.ours, link: "http://instagram.com/post", comments: lines(comments.min, "Awesome 👍"), action: "add" }));
    expect(commentsRow.quantity).toBe(comments.min);
    const mentions = ofType("Mentions");
    const mentionsRow = await orderRow(await nodeCall(node.key, { service: mentions.ours, link: "http://twitter.com/tweet", quantity: mentions.min, usernames: "user1\nuser2", action: "add" }));
    expect(mentionsRow.quantity).toBe(mentions.min);
    // Subscriptions, old posts only: old_posts alone (posts left out).
    const sub = ofType("Subscriptions");
    const subRow = await orderRow(
      await nodeCall(node.key, { service: sub.ours, username: "target_user", min: sub.min, max: sub.min, old_posts: 2, delay: 30, expiry: "31/12/2030", action: "add" }),
    );
    expect(subRow.quantity).toBe(sub.min * 2);
    expect(sim.lastRequest("add")).toMatchObject({ posts: "0", old_posts: "2" });
    // The example's own subscription (posts 0 and no old posts, an m/d/Y date in the past) asks for nothing: refused.
    expect(await nodeCall(node.key, { service: sub.ours, username: "target_user", min: sub.min, max: sub.min, posts: 0, delay: 30, expiry: "12/31/2023", action: "add" })).toEqual({
      error: expect.stringContaining("posts"),
    });

    const ids = [dripRow.id, commentsRow.id, mentionsRow.id];
    expect(await nodeCall(node.key, { action: "status", order: dripRow.id })).toMatchObject({ status: expect.any(String) });
    const many = (await nodeCall(node.key, { action: "status", orders: ids.join(",") })) as Record<string, unknown>;
    expect(Object.keys(many).sort()).toEqual(ids.map(String).sort());

    const refillService = ofType("Default", (s) => s.refill && !s.dripfeed);
    const refillIds: number[] = [];
    for (let index = 0; index < 4; index++) {
      refillIds.push((await orderRow(await nodeCall(node.key, { service: refillService.ours, link: `http://example.com/r${index}`, quantity: refillService.min, action: "add" }))).id);
    }
    await finishOrders();
    const done = await db.order.findMany({ where: { id: { in: refillIds }, state: { in: ["completed", "partial"] } }, select: { id: true }, orderBy: { id: "asc" } });
    expect(done.length).toBeGreaterThanOrEqual(2);
    const single = (await nodeCall(node.key, { action: "refill", order: done[0].id })) as { refill: string };
    expect(single).toEqual({ refill: expect.stringMatching(/^\d+$/) });
    const batch = (await nodeCall(node.key, { action: "refill", orders: [done[1].id].join(",") })) as { order: number; refill: number }[];
    expect(batch).toEqual([{ order: done[1].id, refill: expect.any(Number) }]);
    expect(await nodeCall(node.key, { action: "refill_status", refill: Number(single.refill) })).toEqual({ status: expect.any(String) });
    expect(await nodeCall(node.key, { action: "refill_status", refills: [Number(single.refill), batch[0].refill].join(",") })).toEqual([
      { refill: Number(single.refill), status: expect.any(String) },
      { refill: batch[0].refill, status: expect.any(String) },
    ]);
    expect(await nodeCall(node.key, { action: "cancel", orders: "999999999" })).toEqual([{ order: 999999999, cancel: { error: "Incorrect order ID" } }]);
    expect(await nodeCall(node.key, { action: "balance" })).toEqual({ balance: expect.stringMatching(/^\d+\.\d{6}$/), currency: expect.any(String) });
    expect((await verifyLedger(db, { customerIds: [node.id] })).ok).toBe(true);
  });
});

describe("PHP request semantics", () => {
  it("a repeated field takes its last value, as PHP's $_POST does", async () => {
    const body = `key=${php.key}&action=status&action=balance`;
    const answer = await (await fetch(served.url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body })).json();
    expect(answer).toMatchObject({ balance: expect.any(String) });
  });

  it("key and action in the query string of a POST are read like body fields; the body wins ($_REQUEST order: query, then body)", async () => {
    const inQuery = await fetch(`${served.url}?key=${encodeURIComponent(php.key)}&action=balance`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "" });
    expect(await inQuery.json()).toMatchObject({ balance: expect.any(String) });
    const both = await fetch(`${served.url}?key=wrong-key&action=services`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ key: php.key, action: "balance" }),
    });
    expect(await both.json()).toMatchObject({ balance: expect.any(String) });
  });
});
