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
import { openOrder } from "@/lib/orders/open-order";
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
    if (!synced.ok) throw new Error(synced.error);
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
    if (!synced.ok) throw new Error(synced.error);
  }
  return { sim, providerId: provider.id, close: () => sim.close() };
}

/** The first enabled service of a type (e.g. "Default"), optionally with more conditions. */
export async function serviceOfType(db: Db, providerId: number, type: string, where: Record<string, unknown> = {}) {
  return db.service.findFirstOrThrow({ where: { providerId, type, enabled: true, ...where }, orderBy: { id: "asc" } });
}

export const TEST_LINK = "https://instagram.com/p/test-post";

/**
 * An order charged through the real first step (openOrder) and then marked as accepted upstream,
 * without any upstream: for state-machine tests that feed statuses by hand.
 */
export async function createChargedOrder(
  db: Db,
  customerId: number,
  options: { charge: string; quantity: number; providerId?: number; upstreamOrderId?: string },
): Promise<number> {
  const providerId =
    options.providerId ??
    (await db.provider.create({ data: { name: uniqueLabel("offline"), apiUrl: "http://127.0.0.1:9/api/v2", apiKeyEncrypted: "none" }, select: { id: true } })).id;
  const opened = await openOrder(db, {
    customerId,
    kind: "service",
    providerId,
    link: TEST_LINK,
    quantity: options.quantity,
    params: {},
    charge: new Decimal(options.charge),
    requestHash: uniqueLabel("hash"),
  });
  if (!opened.ok) throw new Error(opened.message);
  await db.order.update({
    where: { id: opened.orderId },
    data: { state: "pending", submitStartedAt: new Date(), upstreamOrderId: options.upstreamOrderId ?? uniqueLabel("upstream") },
  });
  return opened.orderId;
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
  if (!key.ok) throw new Error(`createApiKey: ${key.error}`);
  return { id: created.user.id, email, key: key.key };
}

/** Registers an upstream (simulator or another panel) and imports its catalog at `markup` %. */
export async function connectUpstream(db: Db, upstream: { url: string; key: string }, markup: string): Promise<number> {
  const added = await addProvider(db, ZProviderInput.parse({ name: uniqueLabel("upstream"), url: upstream.url, key: upstream.key, timeoutMs: 20_000 }));
  if (!added.ok) throw new Error(`addProvider: ${added.message}`);
  const synced = await syncCatalog(db, added.provider.id, { markupPercent: new Decimal(markup) });
  if (!synced.ok) throw new Error(`syncCatalog: ${synced.error}`);
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
