// Copies of one /api/v2 `add` (same idempotency_key) sent at once by a customer whose balance
// covers one order: every copy answers what the first copy answers, whether the simulator
// refuses that first `add` (refunded: "could not be placed") or accepts it (the order id), never
// "Not enough funds" because the first copy holds the charge. A gate in front of the simulator
// holds the first `add` until every other copy has answered or is waiting for it, so the overlap
// is certain, not a matter of timing.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v2/route";
import { closeDb, getDb, type Db } from "@/lib/db/connection";
import { verifyLedger } from "@/lib/ledger";
import { serviceCharge } from "@/lib/money";
import { onPlacementWait } from "@/lib/orders/await-placement";
import { PLACEMENT_FAILED_MESSAGE } from "@/lib/orders/placement-result";
import { balanceOf, connectUpstream, createApiCustomer } from "@/lib/testing/fixtures";
import { startSimulator, type SimulatorHandle } from "@/lib/upstream/simulator";
import { serveHandler, type ServedHandler } from "./testing/serve-handler";

process.env.API_RATE_LIMIT_PER_MINUTE = "100000";

let db: Db;
let sim: SimulatorHandle;
let served: ServedHandler;
let gate: { url: string; held: Promise<void>; release(): void; reset(): void; close(): Promise<void> };
let providerId: number;

/** Forwards to the simulator; holds the first `add` after reset() until release(). */
async function startGate(target: string): Promise<typeof gate> {
  let arrived: () => void = () => {};
  let open: () => void = () => {};
  let held = Promise.resolve();
  let opened = Promise.resolve();
  let holding = false;
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString();
    if (holding && new URLSearchParams(body).get("action") === "add") {
      holding = false;
      arrived();
      await opened;
    }
    const answer = await fetch(target, { method: "POST", headers: { "content-type": String(req.headers["content-type"] ?? "application/x-www-form-urlencoded") }, body });
    res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" });
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v2`;
  const handle = {
    url,
    get held() {
      return held;
    },
    release: () => open(),
    reset() {
      holding = true;
      held = new Promise<void>((resolve) => (arrived = resolve));
      opened = new Promise<void>((resolve) => (open = resolve));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return handle;
}

beforeAll(async () => {
  db = await getDb();
  sim = await startSimulator({ seed: 44, services: 20, products: 0, balance: "100000" });
  gate = await startGate(`${sim.url}`);
  providerId = await connectUpstream(db, { url: gate.url, key: sim.apiKey }, "20");
  served = await serveHandler(POST);
});

afterAll(async () => {
  await served?.close();
  await gate?.close();
  await sim?.close();
  await closeDb();
});

async function sendCopies(copies: number, simulatorRefuses: boolean) {
  const service = await db.service.findFirstOrThrow({ where: { providerId, type: "Default", enabled: true }, orderBy: { id: "asc" } });
  const charge = serviceCharge(service.sellRate.toFixed(), service.min);
  // Enough for one order, not for two.
  const customer = await createApiCustomer(db, "copies", charge.times(1.5).toFixed(6));
  const fields = { key: customer.key, action: "add", service: String(service.id), link: "https://instagram.com/p/copies", quantity: String(service.min), idempotency_key: `copies-${simulatorRefuses}` };
  sim.setFault("add", simulatorRefuses ? { type: "error", message: "Incorrect service ID", times: 1 } : null);
  const addsBefore = sim.counts.add;
  gate.reset();

  let waiting = 0;
  let answered = 0;
  let everyOtherCopyReady: () => void = () => {};
  const othersReady = new Promise<void>((resolve) => (everyOtherCopyReady = resolve));
  const check = () => {
    if (waiting + answered >= copies - 1) everyOtherCopyReady();
  };
  const stop = onPlacementWait(() => {
    waiting += 1;
    check();
  });
  const answers = Array.from({ length: copies }, () =>
    fetch(served.url, { method: "POST", body: new URLSearchParams(fields) })
      .then((r) => r.json())
      .then((json) => {
        answered += 1;
        check();
        return json as Record<string, unknown>;
      }),
  );
  // The first copy's `add` is at the simulator's door; every other copy has answered or waits.
  await gate.held;
  await othersReady;
  gate.release();
  const all = await Promise.all(answers);
  stop();
  return { customer, all, adds: sim.counts.add - addsBefore, charge };
}

describe("idempotent copies sent at once", () => {
  it("the simulator refuses the first add: every copy is told the order could not be placed, and the balance is whole", async () => {
    const { customer, all, adds, charge } = await sendCopies(4, true);
    expect(all).toEqual(Array(4).fill({ error: PLACEMENT_FAILED_MESSAGE }));
    expect(adds).toBe(1);
    expect(await balanceOf(db, customer.id)).toBe(charge.times(1.5).toFixed(6));
    expect(await db.order.count({ where: { userId: customer.id } })).toBe(1);
    expect((await verifyLedger(db, { customerIds: [customer.id] })).ok).toBe(true);
  });

  it("the simulator accepts the first add: every copy answers its order id, one charge", async () => {
    const { customer, all, adds } = await sendCopies(4, false);
    const order = await db.order.findFirstOrThrow({ where: { userId: customer.id } });
    expect(all).toEqual(Array(4).fill({ order: order.id }));
    expect(adds).toBe(1);
    expect(await db.ledgerEntry.count({ where: { userId: customer.id, kind: "charge" } })).toBe(1);
    expect((await verifyLedger(db, { customerIds: [customer.id] })).ok).toBe(true);
  });
});
