// Shared set-up for the money and order tests: customers with funds, a simulator registered as a
// provider, its catalog imported. Every test file shares one database, so everything is unique.
import crypto from "node:crypto";
import type { Db } from "@/lib/db/connection";
import { syncCatalog } from "@/lib/catalog/sync-catalog";
import { creditFunds } from "@/lib/ledger/credit-funds";
import { Decimal } from "@/lib/money";
import { encryptProviderKey } from "@/lib/providers/key-encryption";
import { openOrder } from "../open-order";
import { startSimulator, type SimulatorHandle, type SimulatorOptions } from "@/lib/upstream/simulator";

const unique = () => `${Date.now().toString(36)}-${crypto.randomBytes(4).toString("hex")}`;

export async function createCustomer(db: Db, funds?: string): Promise<number> {
  const user = await db.user.create({ data: { email: `customer-${unique()}@test.local`, passwordHash: "x" }, select: { id: true } });
  if (funds) {
    const credited = await creditFunds(db, { customerId: user.id, amount: funds, reason: "test funds" });
    if (!credited.ok) throw new Error(credited.error);
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
    data: { name: `sim-${unique()}`, apiUrl: sim.url, apiKeyEncrypted: encryptProviderKey(sim.apiKey), timeoutMs: options.timeoutMs ?? 2_000 },
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
    (await db.provider.create({ data: { name: `offline-${unique()}`, apiUrl: "http://127.0.0.1:9/api/v2", apiKeyEncrypted: "none" }, select: { id: true } })).id;
  const opened = await openOrder(db, {
    customerId,
    kind: "service",
    providerId,
    link: TEST_LINK,
    quantity: options.quantity,
    params: {},
    charge: new Decimal(options.charge),
    requestHash: unique(),
  });
  if (!opened.ok) throw new Error(opened.message);
  await db.order.update({
    where: { id: opened.orderId },
    data: { state: "pending", submitStartedAt: new Date(), upstreamOrderId: options.upstreamOrderId ?? unique() },
  });
  return opened.orderId;
}
