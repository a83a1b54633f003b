// The one set of test fixtures: customers (with funds, with API keys, of each staff role),
// simulators over real HTTP registered as providers, charged orders, and worker passes. Every
// test file shares one database, so everything made here is unique. Only tests import this file.
import crypto from "node:crypto";
import { afterAll, beforeAll, vi } from "vitest";
import type { z } from "zod";
import { createApiKey } from "@/lib/api-keys";
import type { StaffActor } from "@/lib/admin/authorize";
import { syncCatalog } from "@/lib/catalog/sync-catalog";
import { closeDb, getDb, type Db } from "@/lib/db/connection";
import { runSyncPass } from "@/lib/jobs";
import { creditFunds } from "@/lib/ledger/credit-funds";
import { Decimal, toLedgerString } from "@/lib/money";
import { openChargedOrder } from "@/lib/ledger/open-charged-order";
import type { Tx } from "@/lib/ledger/transaction";
import { settleOrderStatus } from "@/lib/orders/settle-order-status";
import { recordSubmitOutcome } from "@/lib/orders/submit-order";
import type { Prisma } from "@/lib/db/generated/client";
import type { LimiterStore } from "@/lib/rate-limit/store";
import { encryptProviderKey } from "@/lib/providers/key-encryption";
import { addProvider } from "@/lib/providers/manage-providers";
import { ZProviderInput } from "@/lib/providers/schemas";
import { startSimulator, type SimulatorHandle, type SimulatorOptions } from "@/lib/upstream/simulator";
import { createUser } from "@/lib/users/create-user";

// A test file's setup: the shared database (and what the file needs on it) opened before its
// tests and closed after. `ready` receives it, e.g. `withActors((ready) => ({ db, actors } = ready))`.

export function withDatabase(ready: (db: Db) => void | Promise<void>, cleanup?: () => Promise<void>): void {
  beforeAll(async () => ready(await getDb()));
  afterAll(async () => {
    await cleanup?.();
    await closeDb();
  });
}

/** The database and an admin, a staff member and a customer. */
export function withActors(ready: (ctx: { db: Db; actors: Actors }) => void): void {
  withDatabase(async (db) => ready({ db, actors: await makeActors(db) }));
}

/** The database and a simulator provider over real HTTP with its catalog synced (startTestProvider). */
export function withTestProvider(
  ready: (ctx: { db: Db; provider: TestProvider }) => unknown,
  options?: Parameters<typeof startTestProvider>[1],
): void {
  let provider: TestProvider | undefined;
  withDatabase(
    async (db) => {
      provider = await startTestProvider(db, options);
      await ready({ db, provider });
    },
    async () => provider?.close(),
  );
}

/** The database, an admin, a staff member and a customer, and a simulator over real HTTP (not yet a provider). */
export function withActorsAndSimulator(
  options: SimulatorOptions,
  ready: (ctx: { db: Db; actors: Actors; sim: SimulatorHandle }) => unknown,
): void {
  let sim: SimulatorHandle | undefined;
  withDatabase(
    async (db) => {
      sim = await startSimulator({ port: 0, ...options });
      await ready({ db, actors: await makeActors(db), sim });
    },
    async () => sim?.close(),
  );
}

/** As withActorsAndSimulator, with the simulator added as a provider through addProvider and its catalog synced at `markup` %. */
export function withActorsAndSimulatorProvider(
  options: SimulatorOptions & { markup: string },
  ready: (ctx: { db: Db; actors: Actors; sim: SimulatorHandle; providerId: number }) => unknown,
): void {
  const { markup, ...simulator } = options;
  withActorsAndSimulator(simulator, async (ctx) => {
    const providerId = await addSimulatorProvider(ctx.db, ctx.sim);
    const synced = await syncCatalog(ctx.db, providerId, { markupPercent: new Decimal(markup) });
    if (!synced.ok) throw new Error(synced.message);
    await ready({ ...ctx, providerId });
  });
}

/** The database and two limiter stores with their own connections: two app processes sharing one count. */
export function withTwoLimiterStores(ready: (ctx: { db: Db; stores: LimiterStore[] }) => void): void {
  let stores: LimiterStore[] = [];
  withDatabase(
    async (db) => {
      const { openLimiterStore } = await import("@/lib/rate-limit/store");
      stores = [await openLimiterStore(), await openLimiterStore()];
      ready({ db, stores });
    },
    async () => void (await Promise.all(stores.map((s) => s.close()))),
  );
}

/** An account's balance at ledger scale ("12.500000"). */
export async function balanceOf(db: Db, userId: number): Promise<string> {
  return toLedgerString((await db.user.findUniqueOrThrow({ where: { id: userId }, select: { balance: true } })).balance);
}

/** Runs an operator command through the real CLI entry point: its exit code and what it printed. */
export async function runCliCommand(...argv: string[]): Promise<{ code: number; text: string }> {
  const { runCli } = await import("@/lib/cli/main");
  const out: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...args) => void out.push(args.join(" ")));
  const error = vi.spyOn(console, "error").mockImplementation((...args) => void out.push(args.join(" ")));
  try {
    return { code: await runCli(argv), text: out.join("\n") };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

/** What the boundary (action, route, CLI) hands a lib function: `raw` parsed by the input's schema. */
export const parsed = <S extends z.ZodType>(schema: S, raw: unknown): z.output<S> => schema.parse(raw);

export const uniqueLabel = (label: string) => `${label}-${Date.now().toString(36)}-${crypto.randomBytes(4).toString("hex")}`;

// Customers and staff (with a confirmed email, as the demo seed and staff-made accounts are: an
// unconfirmed account may not order or pay, which lib/accounts tests on their own accounts)

/**
 * Writes what the database's triggers refuse (a balance without its ledger entry, a state the
 * table does not list), as a restore or a repair with triggers off could: what ledger:verify is
 * for. Triggers are off for this transaction only (session_replication_role; needs a superuser).
 */
export async function writeBehindTheDatabasesBack(db: Db, write: (tx: Tx) => Promise<unknown>): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL session_replication_role = replica`;
    await write(tx);
  });
}

export async function createCustomer(db: Db, funds?: string): Promise<number> {
  const user = await db.user.create({ data: { email: `${uniqueLabel("customer")}@test.local`, passwordHash: "x", emailVerifiedAt: new Date() }, select: { id: true } });
  if (funds) {
    const credited = await creditFunds(db, { customerId: user.id, amount: funds, reason: "test funds" });
    if (!credited.ok) throw new Error(credited.message);
  }
  return user.id;
}

export type TestProvider = { sim: SimulatorHandle; providerId: number; close(): Promise<void> };

/** A simulator over real HTTP, registered as a provider and with its catalog synced at 25 %. */
export async function startTestProvider(
  db: Db,
  options: SimulatorOptions & { timeoutMs?: number; markup?: string; sync?: boolean } = {},
): Promise<TestProvider> {
  const sim = await startSimulator({ port: 0, seed: 7, services: 40, products: 8, balance: "100000000", clock: "manual", ...options });
  const provider = await db.provider.create({
    data: { name: uniqueLabel("sim"), apiUrl: sim.url, apiKeyEncrypted: encryptProviderKey(sim.apiKey), timeoutMs: options.timeoutMs ?? 2_000 },
    select: { id: true },
  });
  if (options.sync !== false) {
    const synced = await syncCatalog(db, provider.id, { markupPercent: options.markup ?? "25" });
    if (!synced.ok) throw new Error(synced.message);
  }
  return { sim, providerId: provider.id, close: () => sim.close() };
}

/** The first enabled service of a type (e.g. "Default"), optionally with more conditions. */
export async function serviceOfType(db: Db, providerId: number, type: string, where: Record<string, unknown> = {}) {
  return db.service.findFirstOrThrow({ where: { providerId, type, enabled: true, ...where }, orderBy: { id: "asc" } });
}

export const TEST_LINK = "https://instagram.com/p/test-post";

type TestOrder = { charge: string; quantity: number; providerId?: number; serviceId?: number; link?: string; params?: Prisma.InputJsonValue };

/**
 * An order charged through placement's own first step (openChargedOrder, the one statement that
 * writes the order and its debit): pending_submit, claimed for sending, nothing sent. Without a
 * provider, one that nothing listens on is made for it.
 */
export async function openTestOrder(db: Db, customerId: number, options: TestOrder): Promise<number> {
  const providerId =
    options.providerId ??
    (await db.provider.create({ data: { name: uniqueLabel("offline"), apiUrl: "http://127.0.0.1:9/api/v2", apiKeyEncrypted: "none" }, select: { id: true } })).id;
  const opened = await openChargedOrder(db, {
    customerId,
    kind: "service",
    serviceId: options.serviceId ?? null,
    productId: null,
    providerId,
    link: options.link ?? TEST_LINK,
    quantity: options.quantity,
    params: options.params ?? {},
    charge: new Decimal(options.charge),
    upstreamCost: null,
    idempotencyKey: null,
    requestHash: uniqueLabel("hash"),
    leaseMs: 30_000,
  });
  if (!opened.ok) throw new Error(`openChargedOrder: ${opened.reason}`);
  return opened.orderId;
}

/**
 * An order charged as placement charges it and accepted upstream as placement records the answer
 * (recordSubmitOutcome), without any upstream: for tests that feed statuses by hand (settleTestOrder).
 */
export async function createChargedOrder(db: Db, customerId: number, options: TestOrder & { upstreamOrderId?: string }): Promise<number> {
  const orderId = await openTestOrder(db, customerId, options);
  const upstreamId = options.upstreamOrderId ?? uniqueLabel("upstream");
  const outcome = await recordSubmitOutcome(db, orderId, { ok: true, value: { order: upstreamId } }, new Date(), "placement");
  if (outcome !== "placed") throw new Error(`order ${orderId} not placed: ${outcome}`);
  return orderId;
}

/** An order whose `add` answer was lost, as placement records it: unknown, flagged for staff. */
export async function createUnknownOrder(db: Db, customerId: number, options: TestOrder): Promise<number> {
  const orderId = await openTestOrder(db, customerId, options);
  const outcome = await recordSubmitOutcome(db, orderId, { ok: false, kind: "indeterminate", message: "timeout" }, new Date(), "placement");
  if (outcome !== "unknown") throw new Error(`order ${orderId} not unknown: ${outcome}`);
  return orderId;
}

/** What the worker does when the upstream reports `statusClass` for the order (settleOrderStatus). */
export async function settleTestOrder(db: Db, orderId: number, statusClass: "completed" | "in_progress" | "canceled" | "partial", remains: number | null = null) {
  const status = { completed: "Completed", in_progress: "In progress", canceled: "Canceled", partial: "Partial" }[statusClass];
  const outcome = await settleOrderStatus(db, orderId, { status, statusClass, charge: null, remains }, { nextSyncAt: new Date(Date.now() + 60_000) });
  if (outcome === "unchanged" || outcome === "flagged") throw new Error(`order ${orderId} was not settled as ${statusClass}: ${outcome}`);
}

// /api/v2 customers, upstreams and worker passes

/** A customer who talks to /api/v2: with an API key, created through the real sign-up function. */
export type TestCustomer = { id: number; email: string; key: string };

export async function createApiCustomer(db: Db, label: string, funds?: string): Promise<TestCustomer> {
  const email = `${uniqueLabel(label)}@api.test`;
  const created = await createUser(db, { email, password: "api-test-pass-1" });
  if (!created.ok) throw new Error(`createUser: ${created.message}`);
  if (funds) {
    const credited = await creditFunds(db, { customerId: created.user.id, amount: funds, reason: "test funds" });
    if (!credited.ok) throw new Error(`creditFunds: ${credited.message}`);
  }
  const key = await createApiKey(db, created.user.id, "test key");
  if (!key.ok) throw new Error(`createApiKey: ${key.message}`);
  return { id: created.user.id, email, key: key.key };
}

/** Registers an upstream (simulator or another panel) and imports its catalog at `markup` %. */
export async function connectUpstream(db: Db, upstream: { url: string; key: string }, markup: string): Promise<number> {
  const added = await addProvider(db, ZProviderInput.parse({ name: uniqueLabel("upstream"), url: upstream.url, key: upstream.key, timeoutMs: 20_000 }));
  if (!added.ok) throw new Error(`addProvider: ${added.message}`);
  const synced = await syncCatalog(db, added.provider.id, { markupPercent: new Decimal(markup) });
  if (!synced.ok) throw new Error(`syncCatalog: ${synced.message}`);
  return added.provider.id;
}

let passClock = Date.now();

/**
 * One worker pass over these providers' orders, as if ten minutes had passed since the last one
 * (so every open order is due again). Limited to the test's own providers: other test files
 * share the database, and a pass on their orders would poll their simulators at the wrong time
 * and lease their orders into this file's future.
 */
export async function workerPass(db: Db, providerIds: number[]) {
  passClock = Math.max(passClock, Date.now()) + 10 * 60_000;
  return runSyncPass(db, { now: new Date(passClock), providerIds });
}

/** Rows a bad request must not write, for these customers (other test files share the database). */
export async function writeCounts(db: Db, userIds: number[]) {
  const mine = { userId: { in: userIds } };
  const [orders, ledgerEntries, refills, orderEvents, balances] = await Promise.all([
    db.order.count({ where: mine }),
    db.ledgerEntry.count({ where: mine }),
    db.refill.count({ where: mine }),
    db.orderEvent.count({ where: { order: mine } }),
    db.user.findMany({ where: { id: { in: userIds } }, orderBy: { id: "asc" }, select: { balance: true } }),
  ]);
  return { orders, ledgerEntries, refills, orderEvents, balances: balances.map((u) => toLedgerString(u.balance)) };
}

// Staff accounts

export async function makeUser(db: Db, role: StaffActor["role"]): Promise<StaffActor & { email: string }> {
  const email = `${uniqueLabel(role)}@admin-test.local`;
  const user = await db.user.create({ data: { email, passwordHash: "x", role, emailVerifiedAt: new Date() }, select: { id: true, role: true, email: true } });
  return user;
}

export type Actors = Awaited<ReturnType<typeof makeActors>>;

export async function makeActors(db: Db) {
  const [admin, staff, customer] = await Promise.all([makeUser(db, "admin"), makeUser(db, "staff"), makeUser(db, "customer")]);
  return { admin, staff, customer };
}

export async function addSimulatorProvider(db: Db, sim: SimulatorHandle, name = uniqueLabel("sim")): Promise<number> {
  const added = await addProvider(db, ZProviderInput.parse({ name, url: sim.url, key: sim.apiKey, timeoutMs: 2000 }));
  if (!added.ok) throw new Error(`provider not added: ${added.message}`);
  return added.provider.id;
}

/**
 * A PostgreSQL database of the test file's own, opened through `pools` separate clients (two app
 * processes or workers): for code that looks at every row of a table (owner alerts, notification
 * passes), which other test files sharing the main database would disturb. Dropped after the file.
 */
export function withOwnDatabase(label: string, pools: number, ready: (clients: Db[]) => void | Promise<void>): void {
  const closers: (() => Promise<void>)[] = [];
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const { createTestDatabase } = await import("@/scripts/test/test-database");
    const { openAdapter } = await import("@/lib/db/adapter");
    const { PrismaClient } = await import("@/lib/db/generated/client");
    const database = await createTestDatabase(label);
    drop = database.drop;
    const clients: Db[] = [];
    for (let i = 0; i < pools; i++) {
      const opened = await openAdapter({ kind: "postgres", url: database.url });
      // The same client options as lib/db/connection.ts (secrets omitted unless selected).
      const client = new PrismaClient({ adapter: opened.factory, omit: { user: { passwordHash: true, totpSecretEncrypted: true }, apiKey: { hash: true }, provider: { apiKeyEncrypted: true } } });
      clients.push(client as unknown as Db);
      closers.push(async () => {
        await client.$disconnect();
        await opened.close();
      });
    }
    await ready(clients);
  }, 120_000);
  afterAll(async () => {
    await Promise.all(closers.map((close) => close()));
    await drop?.();
  });
}
